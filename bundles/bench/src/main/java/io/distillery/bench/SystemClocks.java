package io.distillery.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The real clocks: {@link System#nanoTime()}, Linux's {@code /proc/stat} for the machine and the JVM's
 * operating-system MBean for this process.
 *
 * <p>The process's CPU time comes from the {@code ProcessCpuTime} attribute of the platform MBean server rather
 * than from {@code com.sun.management.OperatingSystemMXBean}, whose package a bundle could only import if the
 * framework exported it; and rather than from summing {@code ThreadMXBean} times, which miss the garbage
 * collector's and JIT compiler's threads: their work would be counted as another process's.
 */
final class SystemClocks implements Clocks {
    private static final Path PROC_STAT = Path.of("/proc/stat");
    /**
     * {@code /proc/stat} counts in USER_HZ ticks, which Linux fixes at 100 per second for user space whatever the
     * kernel's own tick rate (a Java program cannot ask {@code sysconf(_SC_CLK_TCK)}).
     */
    private static final double TICKS_PER_SECOND = 100;
    /**
     * The fields of the {@code cpu} line (user nice system idle iowait irq softirq steal ...) that count as busy:
     * all but idle and iowait. Steal counts because a core the hypervisor gave away was not ours to use.
     */
    private static final int[] BUSY_FIELDS = {0, 1, 2, 5, 6, 7};

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final ObjectName operatingSystem;

    SystemClocks() {
        try {
            operatingSystem = new ObjectName(ManagementFactory.OPERATING_SYSTEM_MXBEAN_NAME);
        } catch (JMException e) {
            throw new IllegalStateException("the JDK's own MBean name is invalid", e);
        }
    }

    @Override
    public double wallSeconds() {
        return System.nanoTime() / 1e9;
    }

    @Override
    public double machineBusySeconds() {
        String line;
        try {
            line = Files.readAllLines(PROC_STAT).get(0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + PROC_STAT + ", which measuring the CPU used by other "
                    + "processes needs (Linux only)", e);
        }
        String[] fields = line.trim().split("\\s+");
        long ticks = 0;
        for (int field : BUSY_FIELDS) {
            ticks += Long.parseLong(fields[field + 1]); // fields[0] is the label "cpu"
        }
        return ticks / TICKS_PER_SECOND;
    }

    @Override
    public double processCpuSeconds() {
        try {
            return ((Number) server.getAttribute(operatingSystem, "ProcessCpuTime")).longValue() / 1e9;
        } catch (JMException e) {
            throw new IllegalStateException("this JVM does not report its process CPU time", e);
        }
    }

    @Override
    public void pause(double seconds) {
        try {
            Thread.sleep(Math.round(seconds * 1000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a quiet machine", e);
        }
    }
}
