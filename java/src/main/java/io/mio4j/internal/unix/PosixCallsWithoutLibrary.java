package io.mio4j.internal.unix;

import io.mio4j.internal.abi.LinuxAbi;
import io.mio4j.internal.loader.NativeLoader;

/**
 * What the bindings that run no C of ours (FFM, JNA) share: interrupting a call blocked in
 * the OS takes a signal handler, which only our C library installs (native/unix/preclose.c),
 * and a Java upcall cannot be one. So there close() of a pipe end in blocking mode waits
 * for the blocked call to return (UnixPipeEnd takes -ENOSYS as "no slot"), as README says.
 */
public abstract class PosixCallsWithoutLibrary implements PosixCalls {
    private static final LinuxAbi ABI = LinuxAbi.of(NativeLoader.platform());
    private static final int EINVAL = ABI.errno().get("EINVAL");
    private static final int EBADF = ABI.errno().get("EBADF");
    private static final int ENOSYS = ABI.errno().get("ENOSYS");

    @Override
    public final int preClose(int fd) {
        return fd < 0 ? -EBADF : -ENOSYS;
    }

    @Override
    public final int threadEnter() {
        return -ENOSYS;
    }

    @Override
    public final int threadExit(int slot) {
        return -EINVAL;   // no slot was ever given
    }

    @Override
    public final int threadSignal(int slot) {
        return -EINVAL;
    }
}
