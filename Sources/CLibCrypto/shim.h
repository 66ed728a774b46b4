// OpenSSL's libcrypto (Debian's libssl-dev, pkg-config `libcrypto`), imported only by GEPCommandLine for the SHA-256
// of the files a report's run read.
#include <openssl/evp.h>
