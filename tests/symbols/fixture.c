/*
 * fixture.c - a library for the check-symbols.sh self-test (selftest.sh): one defined
 * global symbol of each kind with the prefix fx_ and one without, and static ones,
 * which are not global and must never be listed.
 */
int fx_ok_function(void);
int bad_function(void);

int fx_ok_data = 1;
int bad_data = 2;          /* data */
int bad_bss;               /* bss */
const int bad_rodata = 3;  /* read-only data */
static int local_data = 4; /* not global */

static int local_function(void)
{
    return local_data;
}

int fx_ok_function(void)
{
    return local_function() + fx_ok_data;
}

int bad_function(void)
{
    return bad_data + bad_bss + bad_rodata;
}
