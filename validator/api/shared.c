/*
 * shared.c - the anchor of libadvisor-lint.so.
 *
 * The shared library is the layer archives linked whole (validator/
 * CMakeLists.txt); CMake wants at least one source of the library's own,
 * and this is it. It defines nothing and includes nothing, so it adds no
 * edge to the include graph (scripts/check-layers.sh). That the public
 * headers compile on their own, as a program includes them, is checked by
 * scripts/check-exports.sh.
 */

/* ISO C wants a translation unit to declare something. */
typedef int al_shared_anchor;
