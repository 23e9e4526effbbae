/*
 * shared.c - the anchor of libadvisor-lint.so.
 *
 * The shared library is the layer archives linked whole (validator/
 * CMakeLists.txt); CMake wants at least one source of the library's own,
 * and this is it. It defines nothing. Including every public header here
 * checks, on every build, that they are self-contained and compile together
 * with the library's flags, as a program including them would.
 */
#include "advisor/baseline.h"
#include "advisor/error.h"
#include "advisor/export.h"
#include "advisor/finding.h"
#include "advisor/fix.h"
#include "advisor/lint.h"
#include "advisor/report.h"
#include "advisor/rules.h"

/* ISO C wants a translation unit to declare something. */
typedef int al_shared_anchor;
