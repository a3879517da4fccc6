#include "ConcurrencyHook.h"
#include <stddef.h>

// The Swift runtime's hook (swift/Runtime/Concurrency.h, `swift_task_enqueueGlobal_hook`), a Swift
// calling convention function pointer: the job, and the runtime's own enqueue.
typedef struct AgendaJob AgendaJob;
typedef void (__attribute__((swiftcall)) *AgendaEnqueueOriginal)(AgendaJob *job);
typedef void (__attribute__((swiftcall)) *AgendaEnqueueHook)(AgendaJob *job, AgendaEnqueueOriginal original);
extern AgendaEnqueueHook swift_task_enqueueGlobal_hook;

// Implemented in Swift (AgendaWeb, `@_cdecl`).
extern void agenda_enqueue_global_job(AgendaJob *job);

static void __attribute__((swiftcall)) agenda_enqueue_hook(AgendaJob *job, AgendaEnqueueOriginal original) {
    (void)original;
    agenda_enqueue_global_job(job);
}

bool agenda_install_global_executor_hook(void) {
    if (swift_task_enqueueGlobal_hook != NULL) return false;
    swift_task_enqueueGlobal_hook = agenda_enqueue_hook;
    return true;
}
