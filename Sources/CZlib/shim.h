// zlib, for reading GDELT's .zip files (ActorGraphFormats' ZipEntryReader). Debian: zlib1g-dev.
#include <zlib.h>
