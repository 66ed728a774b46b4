// GDAL's C API (Debian's libgdal-dev, pkg-config `gdal`), imported only by the GEPRaster target.
#include <gdal.h>
#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_string.h>
#include <ogr_srs_api.h>
#include <ogr_api.h>
#include <gdal_alg.h>
// glibc's mallopt, which Swift's Glibc module does not export (GDALSession tunes the allocator for block buffers).
#include <malloc.h>
#include <gdal_utils.h>
