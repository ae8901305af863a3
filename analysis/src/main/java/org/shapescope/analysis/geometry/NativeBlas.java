package org.shapescope.analysis.geometry;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.NativeBLAS;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The system's native BLAS (e.g. OpenBLAS behind libblas.so.3), reached through netlib-java's
 * JNI binding ({@code dev.ludovic.netlib:blas}), when there is one. Without it netlib-java falls
 * back to a Java BLAS far slower than our own kernels, so then {@link #orNull()} is null and the
 * hand-written kernels ({@link DotProductPanels}) run instead. The native library keeps its own
 * thread pool, sized by {@code OPENBLAS_NUM_THREADS} (default: all cores).
 * The system property {@value #PROPERTY}{@code =false} turns the native path off (for comparisons).
 */
final class NativeBlas {

    /** System property; "false" keeps the pure-Java kernels even when a native BLAS exists. */
    static final String PROPERTY = "shapescope.nativeBlas";

    private static final BLAS INSTANCE = load();

    /**
     * Whether native calls from different workers must take turns: OpenBLAS's pthread pool
     * already spans every core unless {@code OPENBLAS_NUM_THREADS=1}, and concurrent callers
     * then oversubscribe the machine (measured on the synthetic grid, 2 cores, 2 workers: 288 s
     * with concurrent calls against 164 s with {@code OPENBLAS_NUM_THREADS=1}).
     */
    private static final boolean TAKE_TURNS = !"1".equals(System.getenv("OPENBLAS_NUM_THREADS"));

    private static final ReentrantLock TURN = new ReentrantLock();

    private NativeBlas() {
    }

    /** The native BLAS, or null when there is none (or it is turned off). */
    static BLAS orNull() {
        return INSTANCE;
    }

    /** Runs one native call, alone when the native library is multi-threaded (see {@link #TAKE_TURNS}). */
    static void call(Runnable nativeCall) {
        if (!TAKE_TURNS) {
            nativeCall.run();
            return;
        }
        TURN.lock();
        try {
            nativeCall.run();
        } finally {
            TURN.unlock();
        }
    }

    /** "native (JNIBLAS)" or "pure Java", for logs and bench output. */
    static String describe() {
        return INSTANCE == null ? "pure Java" : "native (" + INSTANCE.getClass().getSimpleName()
                + (TAKE_TURNS ? ", one call at a time" : ", concurrent calls") + ")";
    }

    private static BLAS load() {
        return loadNative("dev.ludovic.netlib.blas.InstanceBuilder", BLAS::getInstance, NativeBLAS.class);
    }

    /**
     * A netlib-java implementation when it is the native one, else null (also when
     * {@code -Dshapescope.nativeBlas=false}). netlib-java warns on every implementation it fails to
     * load (VectorBLAS always fails on JDK 17); the fallback here is ours, so those warnings are
     * held back while it loads.
     */
    static <T> T loadNative(String loggerName, java.util.function.Supplier<T> factory, Class<?> nativeType) {
        if ("false".equalsIgnoreCase(System.getProperty(PROPERTY))) {
            return null;
        }
        Logger netlib = Logger.getLogger(loggerName);
        Level level = netlib.getLevel();
        netlib.setLevel(Level.SEVERE);
        try {
            T instance = factory.get();
            return nativeType.isInstance(instance) ? instance : null;
        } catch (LinkageError e) {
            return null;
        } finally {
            netlib.setLevel(level);
        }
    }
}
