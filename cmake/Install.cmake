# Install.cmake - what `cmake --install` puts under the prefix, and the Debian
# package `cpack -G DEB` makes of the same tree.
#
#   bin/advisor-lint, bin/advisor-codegen          the tools (layers linked statically)
#   lib/libadvisor-lint.so.0[.x.y], .so            the library (only AL_API exported)
#   include/advisor/*.h                            its public headers
#   lib/pkgconfig/advisor-lint.pc                  for `pkg-config --cflags --libs advisor-lint`
#   share/man/man1/advisor-lint.1, advisor-codegen.1, share/man/man5/advisor-lint.yaml.5
#   share/doc/advisor-lint/README.md, copyright, examples/embed.c
#
# Directories are GNUInstallDirs' (CMAKE_INSTALL_BINDIR, ...), so a
# distribution's layout applies when it sets them.
include(GNUInstallDirs)
# GNUInstallDirs names the doc directory after the CMake project (advisor_lint);
# the package is advisor-lint.
set(AL_DOCDIR "${CMAKE_INSTALL_DATAROOTDIR}/doc/advisor-lint")

install(TARGETS advisor-lint advisor-codegen
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(TARGETS al_shared
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(DIRECTORY ${CMAKE_SOURCE_DIR}/include/advisor
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
        FILES_MATCHING PATTERN "*.h")

# advisor-lint.pc: the version, URL and directories are filled in when
# configuring (build/advisor-lint.pc.in), the prefix only when installing,
# because that is when it is known: `cmake --install --prefix DIR` chooses it
# after configuration, and CPack installs with DESTDIR set and the package's
# /usr as the prefix. A relative --prefix gives a file that finds the prefix
# from its own place (${pcfiledir}).
if(IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}")
  set(AL_PC_LIBDIR "${CMAKE_INSTALL_LIBDIR}")
else()
  set(AL_PC_LIBDIR "\${prefix}/${CMAKE_INSTALL_LIBDIR}")
endif()
if(IS_ABSOLUTE "${CMAKE_INSTALL_INCLUDEDIR}")
  set(AL_PC_INCLUDEDIR "${CMAKE_INSTALL_INCLUDEDIR}")
else()
  set(AL_PC_INCLUDEDIR "\${prefix}/${CMAKE_INSTALL_INCLUDEDIR}")
endif()
set(AL_PC_PREFIX "@AL_PC_PREFIX@")            # left for the install step
configure_file(${CMAKE_SOURCE_DIR}/cmake/advisor-lint.pc.in
               ${CMAKE_BINARY_DIR}/advisor-lint.pc.in @ONLY)
file(RELATIVE_PATH AL_PC_UP "/prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/prefix")
string(REGEX REPLACE "/$" "" AL_PC_UP "${AL_PC_UP}")
install(CODE "
  set(pcdir \"${CMAKE_INSTALL_LIBDIR}/pkgconfig\")
  if(NOT IS_ABSOLUTE \"\${pcdir}\")
    set(pcdir \"\${CMAKE_INSTALL_PREFIX}/\${pcdir}\")
  endif()
  if(IS_ABSOLUTE \"\${CMAKE_INSTALL_PREFIX}\")
    set(AL_PC_PREFIX \"\${CMAKE_INSTALL_PREFIX}\")
  else()
    set(AL_PC_PREFIX \"\\\${pcfiledir}/${AL_PC_UP}\")
  endif()
  set(pc \"\$ENV{DESTDIR}\${pcdir}/advisor-lint.pc\")
  message(STATUS \"Installing: \${pc}\")
  configure_file(\"${CMAKE_BINARY_DIR}/advisor-lint.pc.in\" \"\${pc}\" @ONLY)
  list(APPEND CMAKE_INSTALL_MANIFEST_FILES \"\${pc}\")
")

# The manual pages (docs/man/; tests/docs checks them against the code).
install(FILES ${CMAKE_SOURCE_DIR}/docs/man/advisor-lint.1
              ${CMAKE_SOURCE_DIR}/docs/man/advisor-codegen.1
        DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${CMAKE_SOURCE_DIR}/docs/man/advisor-lint.yaml.5
        DESTINATION ${CMAKE_INSTALL_MANDIR}/man5)

# What a Debian package keeps in /usr/share/doc/PACKAGE: the README, the
# copyright file, and the embedding example.
install(FILES ${CMAKE_SOURCE_DIR}/README.md ${CMAKE_SOURCE_DIR}/docs/copyright
        DESTINATION ${AL_DOCDIR})
install(FILES ${CMAKE_SOURCE_DIR}/examples/embed.c
        DESTINATION ${AL_DOCDIR}/examples)

# ---- CPack: `cpack -G DEB` in the build directory -------------------------
# The package installs under /usr. Its dependencies are found by
# dpkg-shlibdeps from what the binaries and the library link (libjansson4,
# libyaml-0-2, libpcre2-8-0, libc6); the package also gets a shlibs file for
# libadvisor-lint.so.0 (programs built against it depend on advisor-lint
# >= this version), and ldconfig runs when it is installed or removed.
set(CPACK_PACKAGE_NAME "advisor-lint")
set(CPACK_PACKAGE_VENDOR "advisor-lint maintainers")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "check Azure Advisor recommendation metadata and generate C from it")
set(CPACK_PACKAGE_DESCRIPTION
"advisor-lint checks Azure Advisor recommendation metadata files (Markdown
with a <properties .../> header, a # Title and a JSON body) against the
AdvisorRecommendation schema and rules beyond it (advisor-lint --list-rules),
reporting every finding at its line and column, as text, JSON, SARIF or
GitHub annotations.
advisor-codegen generates C types, a catalog and rule stubs from valid
metadata. The package also holds libadvisor-lint, its headers and pkg-config
file, to lint files and buffers from a program.")
set(CPACK_PACKAGE_HOMEPAGE_URL "${ADVISOR_HOMEPAGE}")
set(CPACK_PACKAGE_CONTACT
    "Seed 042b5b31 maintainers <maintainers@users.noreply.r-seed-042b5b31.example>"
    CACHE STRING "The Debian package's maintainer")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CPACK_PACKAGE_CONTACT}")
set(CPACK_DEBIAN_PACKAGE_SECTION "devel")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)     # advisor-lint_0.1.0_amd64.deb
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS_POLICY ">=")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_STRIP_FILES OFF)
set(CPACK_GENERATOR "DEB")
include(CPack)
