#!/usr/bin/env python3
"""Builds validation sets from packages that no split, script or model has used and that are not reserved
(model card, point 32; the voices set is a folder no split has used, point 37), fetched with apt-get download (nothing installed) and decoded to 44.1 kHz mono 16-bit WAV
named PACKAGE__NAME.wav, so `musicmask eval --behaviour` reports them per package.

  unseen-validation.py words OUT   ktuberling-data's spoken words (GPL-2+), one folder per language, each distinct
                                   recording once (the Serbian folders share theirs), joined in random order (seed
                                   11) into recordings of up to 20 words with 0.3 s pauses, named LANGUAGE-NN: words
                                   alone last about a second, under the segment rules' 3 s minimum; joined, they
                                   test the rules as a talker does
  unseen-validation.py word-clips OUT
                                   the same distinct recordings, each word as its own clip of about a second:
                                   short spoken clips, which the rule that keeps a recording that is music from its
                                   first column to its last (model card, point 33) meets whole
  unseen-validation.py dialogue OUT
                                   fillets-ng-data-nl's spoken Dutch dialogue (GPL-2+), each clip as it is: the
                                   game's lines voiced by other actors than the Czech package that training and the
                                   validation speech draw on (built from the same Debian source, so independent in
                                   voices and language, not in script or production)
  unseen-validation.py field OUT   recorded sound that is neither music nor speech: scratch's Animal, Effects and
                                   Human sounds (CC-BY-SA-3.0; Human holds coughs, laughs, screams, a baby's cry and
                                   a party's crowd), nexuiz-data's ambiences, weather and desert-factory loops
                                   (GPL-2+; its radio message left out), wordwarvi-sound's effects (GPL-2+; its
                                   music, voices, alarms and synthetic sounds left out)
  unseen-validation.py voices OUT [PUBLIC_ZIP]
                                   0ad-data's acted voice lines (audio/voice, the dog barks left out; CC-BY-SA-3.0 / GPL-3+),
                                   181 clips of about a second in Greek, Latin, Napatan and Persian, each as it is:
                                   talking by a production no training speech comes from. The package is not unseen:
                                   its ambient, actor and resource sounds train the noise class and its music the
                                   music class, but no split holds its voices. PUBLIC_ZIP is its public.zip where
                                   scripts/prepare-data.sh already unpacked it (data/.cache/x/0ad-data/...), to skip
                                   the 1.2 GB download
  unseen-validation.py music OUT   game music from five packages no split used, each track once (speed
                                   variants of a track left out): mrrescue's seven tracks (inside mrrescue.love;
                                   CC-BY-SA-3.0), funnyboat's one (GPL-2), pangzero's one (GPL-2+), holotz-castle-data's
                                   title and credits themes (GPL-2+), chromium-bsu-data's game and menu loops
                                   (Clarified-Artistic): music from productions beside the validation split's three

Needs apt-get, dpkg-deb, ffmpeg and sox.
"""
import glob, hashlib, os, random, shutil, subprocess, sys, tempfile, zipfile

WORDS_PER_RECORDING = 20
PAUSE_SECONDS = 0.3

WORDWARVI_LEFT_OUT = ('music', 'mix', 'lucky', 'hohoho', 'help_', 'ow_my_spine', 'aaaah', 'woohoo', 'yay_santa',
                      'nice_bank_shot', 'UseTheSource', 'destiny', 'timpani', 'radar_', 'alarm', 'synthetic_', 'ooooof',
                      'fallingscream', 'abducted')


TOOLS = ('apt-get', 'dpkg-deb', 'ffmpeg', 'sox')
WORD_FILES = ('*.ogg', '*.opus', '*.wav')


def fetch(package, work):
    download = subprocess.run(['apt-get', 'download', package], cwd=work, capture_output=True, text=True)
    debs = glob.glob(os.path.join(work, f'{package}_*.deb'))
    if download.returncode != 0 or not debs:
        sys.exit(f'apt-get download {package} failed:\n{download.stderr.strip()}')
    root = os.path.join(work, package)
    subprocess.run(['dpkg-deb', '-x', debs[0], root], check=True)
    return root


def decode(source, target, *effects):
    subprocess.run(['ffmpeg', '-v', 'error', '-y', '-i', source, '-ac', '1', '-ar', '44100', '-sample_fmt', 's16',
                    *effects, target], check=True)


def decode_all(out, sources):
    """Decodes each (package, path, name inside the package) to OUT/PACKAGE__NAME.wav, folders joined by '_'."""
    for package, path, inside in sources:
        decode(path, os.path.join(out, f'{package}__{os.path.splitext(inside)[0].replace("/", "_")}.wav'))
    return len(sources)


def distinct_words(work):
    """Yields (language, recordings): each language folder's distinct recordings, in a fixed shuffled order (seed 11)."""
    sounds = os.path.join(fetch('ktuberling-data', work), 'usr/share/ktuberling/sounds')
    random.seed(11)
    seen = set()
    for language in sorted(d for d in os.listdir(sounds) if os.path.isdir(os.path.join(sounds, d))):
        recordings = []
        for word in sorted(p for pattern in WORD_FILES for p in glob.glob(os.path.join(sounds, language, pattern))):
            with open(word, 'rb') as f:
                digest = hashlib.sha256(f.read()).hexdigest()
            if digest not in seen:
                seen.add(digest)
                recordings.append(word)
        random.shuffle(recordings)
        yield language.replace('@', '-'), recordings


def words(out, work):
    written = 0
    for language, recordings in distinct_words(work):
        for start in range(0, len(recordings), WORDS_PER_RECORDING):
            padded = []
            for i, word in enumerate(recordings[start:start + WORDS_PER_RECORDING]):
                padded.append(os.path.join(work, f'{i:02d}.wav'))
                decode(word, padded[-1], '-af', f'apad=pad_dur={PAUSE_SECONDS}')
            name = f'ktuberling-data__{language}-{start // WORDS_PER_RECORDING + 1:02d}.wav'
            subprocess.run(['sox', *padded, os.path.join(out, name)], check=True)
            written += 1
    return written


def word_clips(out, work):
    written = 0
    for language, recordings in distinct_words(work):
        for word in recordings:
            decode(word, os.path.join(out, f'ktuberling-data__{language}-{os.path.splitext(os.path.basename(word))[0]}.wav'))
            written += 1
    return written


def dialogue(out, work):
    sounds = os.path.join(fetch('fillets-ng-data-nl', work), 'usr/share/games/fillets-ng/sound')
    clips = sorted(glob.glob(os.path.join(sounds, '*', 'nl', '*.ogg')))
    for clip in clips:
        level, name = os.path.basename(os.path.dirname(os.path.dirname(clip))), os.path.splitext(os.path.basename(clip))[0]
        decode(clip, os.path.join(out, f'fillets-ng-data-nl__{level}_{name}.wav'))
    return len(clips)


def field(out, work):
    sources = []
    scratch = os.path.join(fetch('scratch', work), 'usr/share/scratch/Media/Sounds')
    for kind in ('Animal', 'Effects', 'Human'):
        sources += [('scratch', p, os.path.relpath(p, scratch)) for p in sorted(glob.glob(os.path.join(scratch, kind, '*')))]
    pk3 = os.path.join(fetch('nexuiz-data', work), 'usr/share/games/nexuiz/data/data.pk3')
    unpacked = os.path.join(work, 'nexuiz')
    with zipfile.ZipFile(pk3) as archive:
        for member in archive.namelist():
            if member.startswith(('sound/ambient/', 'sound/weather/', 'sound/desertfactory/')) and not member.endswith('/') \
                    and 'radiomessage' not in member:
                sources.append(('nexuiz-data', archive.extract(member, unpacked), member))
    wordwarvi = os.path.join(fetch('wordwarvi-sound', work), 'usr/share/wordwarvi/sounds')
    for path in sorted(glob.glob(os.path.join(wordwarvi, '*.ogg'))):
        if not any(part in os.path.basename(path) for part in WORDWARVI_LEFT_OUT):
            sources.append(('wordwarvi-sound', path, os.path.basename(path)))
    return decode_all(out, sources)


def voices(out, work, public_zip=None):
    public_zip = public_zip or os.path.join(fetch('0ad-data', work), 'usr/share/games/0ad/mods/public/public.zip')
    with zipfile.ZipFile(public_zip) as archive:
        lines = sorted(m for m in archive.namelist()
                       if m.startswith('audio/voice/') and m.endswith('.ogg') and not m.startswith('audio/voice/global/'))
        return decode_all(out, [('0ad-data', archive.extract(m, work), m[len('audio/voice/'):]) for m in lines])


def music(out, work):
    sources = []
    love = os.path.join(fetch('mrrescue', work), 'usr/share/games/mrrescue/mrrescue.love')
    with zipfile.ZipFile(love) as archive:
        for track in ('rockerronni', 'scooterfest', 'bundesliga', 'opening', 'roof', 'happyfeerings', 'menujazz'):
            sources.append(('mrrescue', archive.extract(f'data/sfx/{track}.ogg', os.path.join(work, 'mrrescue-love')), track))
    sources.append(('funnyboat', os.path.join(fetch('funnyboat', work), 'usr/share/games/funnyboat/data/JDruid-Trip_on_the_Funny_Boat.ogg'), 'JDruid-Trip_on_the_Funny_Boat'))
    sources.append(('pangzero', os.path.join(fetch('pangzero', work), 'usr/share/perl5/auto/share/dist/Games-PangZero/UPiPang.mp3'), 'UPiPang'))
    holotz = os.path.join(fetch('holotz-castle-data', work), 'usr/share/games/holotz-castle/game/sound')
    sources += [('holotz-castle-data', os.path.join(holotz, f'{name}.wav'), name) for name in ('HCMainTitle', 'HCCredits')]
    chromium = os.path.join(fetch('chromium-bsu-data', work), 'usr/share/games/chromium-bsu/wav')
    sources += [('chromium-bsu-data', os.path.join(chromium, f'{name}.wav'), name) for name in ('music_game', 'music_menu')]
    return decode_all(out, sources)


def main():
    modes = {'words': words, 'word-clips': word_clips, 'dialogue': dialogue, 'field': field, 'voices': voices, 'music': music}
    if len(sys.argv) not in (3, 4) or sys.argv[1] not in modes or (len(sys.argv) == 4 and sys.argv[1] != 'voices'):
        sys.exit(__doc__)
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        sys.exit(f'needs {", ".join(missing)} (apt-get install -y ffmpeg sox)')
    out = sys.argv[2]
    os.makedirs(out, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        written = modes[sys.argv[1]](out, work, *sys.argv[3:])
    print(f'wrote {written} recordings to {out}')


if __name__ == '__main__':
    main()
