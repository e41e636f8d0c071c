#!/usr/bin/env python3
"""Chooses SegmentRules offline from the probability maps `musicmask segment` writes (model card, point 31).

  make-sequences OUT      writes 40 one-minute recordings of six 10 s blocks, each block one kind drawn from the
                          validation folders' originals (music, sung, speech, field), peak-normalised to -20 dBFS, and
                          OUT/labels.json naming each block's kind (needs sox; seed 7)
  sweep KIND=RESULTS... --sequences RESULTS
                          for each rule setting, the share of each kind's time in music segments: per file for the
                          KIND=RESULTS folders (results of `segment` on that kind's folder), and per block for the
                          sequences (results of `segment` on make-sequences' OUT)

The rule is the one Segmentation/SegmentFinder applies: bridge noise gaps shorter than G seconds between music
runs, then drop music runs shorter than M seconds unless the run is the whole recording.
"""
import argparse, array, ast, glob, json, os, random, re, struct, subprocess

CELL_SECONDS = 0.04644
KIND_FOLDERS = {'music': 'music', 'sung': 'sung', 'speech': 'speech', 'field': 'noise'}
LOSSY_COPY = re.compile(r'\.(mp3|aac|opus|vorbis)-?q?\d+\.wav$')


def column_probabilities(result_folder):
    """Mean of the lowest 4 cell rows (0-5.5 kHz) per column, as ProbabilityMap.ColumnProbability."""
    with open(os.path.join(result_folder, 'probability.npy'), 'rb') as f:
        assert f.read(6) == b'\x93NUMPY'
        major = f.read(2)[0]
        length = struct.unpack('<H' if major == 1 else '<I', f.read(2 if major == 1 else 4))[0]
        rows, columns = ast.literal_eval(f.read(length).decode('latin1'))['shape']
        values = array.array('f')
        values.frombytes(f.read())
    return [sum(values[r * columns + c] for r in range(4)) / 4 for c in range(columns)]


def runs(labels):
    start = 0
    for i in range(1, len(labels) + 1):
        if i == len(labels) or labels[i] != labels[start]:
            yield start, i, labels[start]
            start = i


def segment(probabilities, minimum_music, bridged_gap):
    labels = [p > 0.5 for p in probabilities]
    n = len(labels)
    for s, e, music in list(runs(labels)):
        if not music and s > 0 and e < n and (e - s) * CELL_SECONDS < bridged_gap:
            labels[s:e] = [True] * (e - s)
    for s, e, music in list(runs(labels)):
        if music and (e - s) * CELL_SECONDS < minimum_music and not (s == 0 and e == n):
            labels[s:e] = [False] * (e - s)
    return labels


def make_sequences(validation, out):
    random.seed(7)
    files = {k: sorted(f for f in glob.glob(os.path.join(validation, d, '*.wav')) if not LOSSY_COPY.search(f))
             for k, d in KIND_FOLDERS.items()}
    seconds = {}
    os.makedirs(out, exist_ok=True)
    labels = {}
    for i in range(40):
        blocks, kinds = [], []
        for b in range(6):
            kind = random.choice(list(KIND_FOLDERS))
            picks, total = [], 0.0
            while total < 10:
                f = random.choice(files[kind])
                d = seconds.setdefault(f, float(subprocess.check_output(['soxi', '-D', f])))
                if d >= 0.3:
                    picks.append(f)
                    total += d
            block = os.path.join(out, f'.block-{i}-{b}.wav')
            subprocess.check_call(['sox', *picks, '-r', '44100', '-c', '1', block, 'trim', '0', '10', 'norm', '-20'])
            blocks.append(block)
            kinds.append(kind)
        name = f'sequence-{i:02d}.wav'
        subprocess.check_call(['sox', *blocks, os.path.join(out, name)])
        for block in blocks:
            os.remove(block)
        labels[name] = kinds
    with open(os.path.join(out, 'labels.json'), 'w') as f:
        json.dump(labels, f, indent=1)


def sweep(kind_results, sequences, settings):
    maps = {kind: [column_probabilities(d) for d in sorted(glob.glob(os.path.join(folder, '*', '')))]
            for kind, folder in kind_results}
    durations = {kind: [json.load(open(os.path.join(d, 'manifest.json')))['duration_seconds']
                        for d in sorted(glob.glob(os.path.join(folder, '*', '')))] for kind, folder in kind_results}
    sequence_labels = json.load(open(os.path.join(sequences, 'labels.json'))) if sequences else {}
    sequence_maps = {n: column_probabilities(os.path.join(sequences, n)) for n in sequence_labels}
    for minimum_music, bridged_gap in settings:
        cells = []
        for kind, _ in kind_results:
            music = sum(min(sum(segment(p, minimum_music, bridged_gap)) * CELL_SECONDS, d)
                        for p, d in zip(maps[kind], durations[kind]))
            cells.append(f'{kind} {100 * music / sum(durations[kind]):.1f}%')
        totals = {}
        for name, kinds in sequence_labels.items():
            labels = segment(sequence_maps[name], minimum_music, bridged_gap)
            for b, kind in enumerate(kinds):
                s, e = round(b * 10 / CELL_SECONDS), round((b + 1) * 10 / CELL_SECONDS)
                total, music = totals.get(kind, (0, 0))
                totals[kind] = (total + e - s, music + sum(labels[s:e]))
        sequence_cells = [f'{k} {100 * m / t:.1f}%' for k, (t, m) in sorted(totals.items())]
        print(f'{minimum_music:g} s, {bridged_gap:g} s | ' + ' | '.join(cells) + ' || sequences: ' + ' | '.join(sequence_cells))


if __name__ == '__main__':
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest='command', required=True)
    make = commands.add_parser('make-sequences')
    make.add_argument('out')
    make.add_argument('--validation', default='data/validation')
    run = commands.add_parser('sweep')
    run.add_argument('kinds', nargs='+', help='KIND=RESULTS folder pairs')
    run.add_argument('--sequences', help='results of segment on make-sequences output, with its labels.json copied in')
    run.add_argument('--minimum', default='0,2,3,4', help='minimum music seconds to try')
    run.add_argument('--bridge', default='0,1,1.25,1.5,2', help='bridged gap seconds to try')
    args = parser.parse_args()
    if args.command == 'make-sequences':
        make_sequences(args.validation, args.out)
    else:
        pairs = [tuple(p.split('=', 1)) for p in args.kinds]
        grid = [(float(m), float(g)) for m in args.minimum.split(',') for g in args.bridge.split(',')]
        sweep(pairs, args.sequences, grid)
