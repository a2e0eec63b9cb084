// OpenBLAS (CBLAS interface) and LAPACKE, as packaged by Debian:
// libopenblas-dev (pkg-config `openblas`) and liblapacke-dev.
#ifndef ACCIDENTML_COPENBLAS_SHIM_H
#define ACCIDENTML_COPENBLAS_SHIM_H
#include <cblas.h>
#include <lapacke.h>
#endif
