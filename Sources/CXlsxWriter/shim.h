// libxlsxwriter's C API (Debian's libxlsxwriter-dev, pkg-config `xlsxwriter`), imported only by the GEPSpreadsheet target.
#include <xlsxwriter.h>
