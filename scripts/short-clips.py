#!/usr/bin/env python3
"""Cuts short clips, as an archive's jingles and stings are, out of longer music (model card, point 33).

  short-clips.py SRC OUT   from every 16-bit mono WAV in SRC but the lossy copies prepare-data.sh makes
                           (<name>.<codec>.wav), 4 excerpts of 1 to 3 s (seed 5) at random positions
                           with 10 ms fades, named like their source plus -K (so `musicmask eval --behaviour` still
                           reports them per package); an excerpt quieter than -50 dBFS RMS is drawn again, up to 20
                           times

A clip under the segment rules' 3 s minimum is kept as music only by the whole-recording rule, so this set is what
that rule is measured on.
"""
import array, glob, math, os, random, re, sys, wave

CLIPS_PER_FILE = 4
SHORTEST, LONGEST = 1.0, 3.0
FADE_SECONDS = 0.01
QUIETEST_DBFS = -50
LOSSY_COPY = re.compile(r'\.(opus[0-9]+|mp3-[0-9]+|aac[0-9]+|vorbis-q[0-9]+)\.wav$')  # as scripts/lossy-copies.sh names them


def read(path):
    with wave.open(path, 'rb') as source:
        if source.getsampwidth() != 2 or source.getnchannels() != 1:
            sys.exit(f'{path}: expected 16-bit mono WAV')
        samples = array.array('h', source.readframes(source.getnframes()))
        return samples, source.getframerate()


def rms_dbfs(samples):
    power = sum(s * s for s in samples) / max(1, len(samples))
    return 10 * math.log10(power / 32768 ** 2) if power > 0 else -math.inf


def faded(samples, rate):
    fade = int(FADE_SECONDS * rate)
    out = array.array('h', samples)
    for i in range(min(fade, len(out) // 2)):
        gain = i / fade
        out[i] = int(out[i] * gain)
        out[-1 - i] = int(out[-1 - i] * gain)
    return out


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    source_folder, out = sys.argv[1:]
    paths = sorted(p for p in glob.glob(os.path.join(source_folder, '*.wav')) if not LOSSY_COPY.search(p))
    if not paths:
        sys.exit(f'no WAV files in {source_folder}')
    os.makedirs(out, exist_ok=True)
    random.seed(5)
    written = 0
    for path in paths:
        samples, rate = read(path)
        stem = os.path.splitext(os.path.basename(path))[0]
        for k in range(CLIPS_PER_FILE):
            length = int(random.uniform(SHORTEST, LONGEST) * rate)
            if len(samples) <= length:
                break
            for _ in range(20):
                start = random.randrange(len(samples) - length)
                clip = samples[start:start + length]
                if rms_dbfs(clip) > QUIETEST_DBFS:
                    break
            else:
                continue
            with wave.open(os.path.join(out, f'{stem}-{k}.wav'), 'wb') as target:
                target.setnchannels(1)
                target.setsampwidth(2)
                target.setframerate(rate)
                target.writeframes(faded(clip, rate).tobytes())
            written += 1
    print(f'{written} clips from {len(paths)} files in {out}')


if __name__ == '__main__':
    main()
