/*
 * banned.h - functions we do not use: unbounded string copies and
 * formatting into fixed buffers without a length. Included last by every
 * .c file so a use fails to compile. Use tt_buf or snprintf instead.
 */
#ifndef TT_BANNED_H
#define TT_BANNED_H

#define BANNED(func) sorry_##func##_is_banned_use_tt_buf_or_snprintf

#undef strcpy
#define strcpy(x, y) BANNED(strcpy)
#undef strcat
#define strcat(x, y) BANNED(strcat)
#undef strncpy
#define strncpy(x, y, n) BANNED(strncpy)
#undef strncat
#define strncat(x, y, n) BANNED(strncat)
#undef sprintf
#define sprintf(...) BANNED(sprintf)
#undef vsprintf
#define vsprintf(...) BANNED(vsprintf)
#undef strtok
#define strtok(x, y) BANNED(strtok)

#endif
