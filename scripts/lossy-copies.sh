# Sourced, not run: how scripts/prepare-data.sh names its lossy copies (<name>.<codec>.wav, codecs from its
# codec_of), for the scripts that want the originals only.
lossy_copy_pattern='\.(opus[0-9]+|mp3-[0-9]+|aac[0-9]+|vorbis-q[0-9]+)\.wav$'
