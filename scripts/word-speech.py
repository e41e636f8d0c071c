#!/usr/bin/env python3
"""Builds a speech validation set from a package no split has used: ktuberling-data's spoken words (GPL-2+), one
folder per language, each recording once (the Serbian folders share theirs), joined in random order (seed 11) into
recordings of 20 words with 0.3 s pauses, as 44.1 kHz mono WAV. Words alone last about a second, shorter than the
segment rules' 3 s minimum; joined, they test the rules as a talker does (model card, point 32).

  word-speech.py OUT       fetches ktuberling-data with apt-get download (nothing installed) and writes OUT/*.wav
"""
import glob, hashlib, os, random, subprocess, sys, tempfile

WORDS_PER_RECORDING = 20
PAUSE_SECONDS = 0.3


def main(out):
    os.makedirs(out, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        subprocess.run(['apt-get', 'download', 'ktuberling-data'], cwd=work, check=True, capture_output=True)
        deb = glob.glob(os.path.join(work, 'ktuberling-data_*.deb'))[0]
        root = os.path.join(work, 'x')
        subprocess.run(['dpkg-deb', '-x', deb, root], check=True)
        sounds = os.path.join(root, 'usr/share/ktuberling/sounds')
        random.seed(11)
        written = 0
        seen = set()
        for language in sorted(d for d in os.listdir(sounds) if os.path.isdir(os.path.join(sounds, d))):
            words = []
            for word in sorted(glob.glob(os.path.join(sounds, language, '*.ogg')) + glob.glob(os.path.join(sounds, language, '*.wav'))):
                with open(word, 'rb') as f:
                    digest = hashlib.sha256(f.read()).hexdigest()
                if digest not in seen:
                    seen.add(digest)
                    words.append(word)
            random.shuffle(words)
            for start in range(0, len(words), WORDS_PER_RECORDING):
                group = words[start:start + WORDS_PER_RECORDING]
                padded = []
                for i, word in enumerate(group):
                    path = os.path.join(work, f'{i:02d}.wav')
                    subprocess.run(['sox', word, '-r', '44100', '-c', '1', '-b', '16', path, 'pad', '0', str(PAUSE_SECONDS)], check=True)
                    padded.append(path)
                name = f'ktuberling-data__{language.replace("@", "-")}-{start // WORDS_PER_RECORDING + 1:02d}.wav'
                subprocess.run(['sox', *padded, os.path.join(out, name)], check=True)
                written += 1
        print(f'wrote {written} recordings to {out}')


if __name__ == '__main__':
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
