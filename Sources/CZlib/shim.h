#ifndef FEEDWATCH_CZLIB_SHIM_H
#define FEEDWATCH_CZLIB_SHIM_H

#include <zlib.h>

// inflateInit2 is a macro, which Swift cannot call.
static inline int fw_inflate_init2(z_stream *stream, int windowBits) {
    return inflateInit2(stream, windowBits);
}

#endif
