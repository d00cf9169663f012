#ifndef FEEDWATCH_CLIBXML2_SHIM_H
#define FEEDWATCH_CLIBXML2_SHIM_H

// Debian's libxml2 is built with ICU, and its ICU types clash with
// Foundation's own ICU module ("'UErrorCode' has different definitions in
// different modules"). Turning the flag off before the parser headers keeps
// ICU out; feedwatch never touches the ICU fields of libxml2's structs.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>
#include <libxml/HTMLparser.h>
#include <libxml/encoding.h>
#include <libxml/uri.h>

#endif
