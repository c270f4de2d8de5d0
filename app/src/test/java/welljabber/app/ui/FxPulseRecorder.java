package welljabber.app.ui;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

import javafx.animation.AnimationTimer;

import welljabber.app.ShellFixture;

/**
 * Records every FX pulse while it runs, for the benchmarks: the running timer makes JavaFX pulse
 * every frame, so a long gap between two pulses is time the FX thread could not draw. Next to each
 * gap it keeps how much CPU the FX thread itself used, which tells a busy FX thread (our code, or
 * layout) from one that only waited for a core on a loaded machine.
 */
public final class FxPulseRecorder {
    private final List<Long> frames = new ArrayList<>(8192);
    private final List<Long> fxCpu = new ArrayList<>(8192);
    private final List<Long> rendererCpu = new ArrayList<>(8192);
    /** JavaFX's render thread: a pulse waits for it to finish the previous frame. */
    private final long renderer = Thread.getAllStackTraces().keySet().stream()
            .filter(thread -> thread.getName().startsWith("QuantumRenderer")).mapToLong(Thread::threadId).findFirst().orElse(-1);
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            frames.add(System.nanoTime());
            fxCpu.add(threads.getCurrentThreadCpuTime());
            rendererCpu.add(renderer < 0 ? 0 : threads.getThreadCpuTime(renderer));
        }
    };

    /** What the recorded pulses show; times in nanoseconds. */
    public record Gaps(long longestGapNanos, long fxCpuInLongestGapNanos, long rendererCpuInLongestGapNanos,
            long mostFxCpuBetweenPulsesNanos, long fxCpuNanos, int pulses) {
    }

    /** Starts recording (waits until the timer runs on the FX thread). */
    public void start() {
        ShellFixture.onFx(timer::start);
    }

    /** Stops recording and summarises the pulses from {@code fromNanos} (System.nanoTime) on. */
    public Gaps stop(long fromNanos) {
        ShellFixture.onFx(timer::stop);
        long longest = 0;
        long cpuInLongest = 0;
        long renderInLongest = 0;
        long mostCpu = 0;
        long fxCpuInAll = 0;
        int pulses = 0;
        for (int i = 1; i < frames.size(); i++) {
            if (frames.get(i) < fromNanos) {
                continue;
            }
            pulses++;
            long gap = frames.get(i) - Math.max(frames.get(i - 1), fromNanos);
            long cpu = fxCpu.get(i) - fxCpu.get(i - 1);
            if (gap > longest) {
                longest = gap;
                cpuInLongest = cpu;
                renderInLongest = rendererCpu.get(i) - rendererCpu.get(i - 1);
            }
            mostCpu = Math.max(mostCpu, cpu);
            fxCpuInAll += cpu;
        }
        return new Gaps(longest, cpuInLongest, renderInLongest, mostCpu, fxCpuInAll, pulses);
    }
}
