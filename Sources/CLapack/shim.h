// The C surface GEPKit uses: LAPACKE (Debian's liblapacke-dev) and CBLAS (libopenblas-dev).
// Only the LinearAlgebra target imports this module.
#ifndef GEPKIT_CLAPACK_SHIM_H
#define GEPKIT_CLAPACK_SHIM_H

#include <lapacke.h>
#include <cblas.h>

/// `lapack_int` is a macro in lapacke.h, which Swift cannot import; this typedef gives it a name.
typedef lapack_int LapackInt;

#endif
