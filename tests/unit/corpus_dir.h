/*
 * corpus_dir.h - test helper: may a corpus test run, skip, or must it fail?
 */
#ifndef CORPUS_DIR_H
#define CORPUS_DIR_H

/*
 * Whether the corpus directory DIR is there. Returns 0 when it is; 77
 * (ctest's skip) after saying so when it is not and the shared material
 * ($ADVISOR_SHARED_DIR, set by ctest) is absent too, as in a user's clone;
 * 1 after saying FAIL when the shared material is there but DIR is not.
 */
int corpus_dir_status(const char *dir);

#endif
