// Debian's libxml2 is built with ICU and its encoding.h then includes <unicode/ucnv.h>,
// whose UErrorCode clashes with the ICU copy inside Foundation (_FoundationICU) in any
// Swift module that imports both. Nothing here uses libxml2's ICU converter fields, so
// the flag is switched off before the headers that test it are read.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/xmlwriter.h>
#include <libxml/tree.h>
#include <libxml/parser.h>
#include <libxml/xmlsave.h>
#include <libxml/relaxng.h>
#include <libxml/xmlstring.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>
