// Includes the *installed* Graphviz headers (pkg-config libgvc adds -I.../graphviz).
// Nothing is vendored: the headers always match the library that is linked.
#ifndef ACTORGRAPH_CGRAPHVIZ_SHIM_H
#define ACTORGRAPH_CGRAPHVIZ_SHIM_H
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>
#include <graphviz/graphviz_version.h>
#endif
