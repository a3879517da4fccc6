#ifndef AGENDA_CONCURRENCY_HOOK_H
#define AGENDA_CONCURRENCY_HOOK_H

#include <stdbool.h>

/// Makes Swift concurrency's global executor hand every job to `agenda_enqueue_global_job`, which
/// AgendaWeb implements (WebServer: NIO's event loops run the jobs). False when another hook is set.
///
/// NIO can do this itself, but it finds the runtime's hook with dlsym, which sees nothing in a binary
/// that links the Swift runtime statically (`--static-swift-stdlib` hides the runtime's symbols); the
/// linker sees it, so it is set here.
bool agenda_install_global_executor_hook(void);

#endif
