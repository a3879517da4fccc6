#include <zlib.h>

// deflateInit2 is a function-like macro, which Swift cannot call: this is it for raw deflate
// (no zlib header or trailer, as a zip entry holds), at the given level.
static inline int agenda_deflate_init_raw(z_streamp stream, int level) {
    return deflateInit2(stream, level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
}

// inflateInit2 is a macro as well: this is it for raw deflate, to read a zip entry.
static inline int agenda_inflate_init_raw(z_streamp stream) {
    return inflateInit2(stream, -MAX_WBITS);
}
