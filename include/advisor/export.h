/*
 * export.h - AL_API marks what libadvisor-lint exports.
 *
 * The library is built with hidden visibility: only declarations marked
 * AL_API are visible to programs linking the shared library, so the
 * layers' internal functions can never become part of the ABI by accident.
 */
#ifndef ADVISOR_EXPORT_H
#define ADVISOR_EXPORT_H

#if defined(__GNUC__) || defined(__clang__)
#define AL_API __attribute__((visibility("default")))
#else
#define AL_API
#endif

#ifdef __cplusplus
#define AL_BEGIN_DECLS extern "C" {
#define AL_END_DECLS }
#else
#define AL_BEGIN_DECLS
#define AL_END_DECLS
#endif

#endif
