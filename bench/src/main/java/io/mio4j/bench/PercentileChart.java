package io.mio4j.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.HdrHistogram.Histogram;

/**
 * An HdrHistogram-style percentile plot drawn with plain Java2D: latency against
 * percentile, the percentile axis scaled by log10(1 / (1 - p)) so that 90%, 99%, 99.9%...
 * are evenly spaced; one line per implementation, one panel per workload.
 */
final class PercentileChart {
    /** One panel: a title and a histogram (nanoseconds) per implementation. */
    record Panel(String title, Map<Implementation, Histogram> histograms) {
    }

    private static final int PANEL_WIDTH = 620;
    private static final int HEIGHT = 470;
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 40;
    private static final int BOTTOM = 60;
    /** The right end of the percentile axis: 99.99%. */
    private static final double MAX_NINES = 4;

    private PercentileChart() {
    }

    static Color colorOf(Implementation implementation) {
        return switch (implementation) {
            case C -> new Color(0x222222);
            case NIO -> new Color(0x1f77b4);
            case NETTY -> new Color(0x2ca02c);
            case MIO4J -> new Color(0xd62728);
        };
    }

    static void write(List<Panel> panels, Path file) throws IOException {
        BufferedImage image = new BufferedImage(PANEL_WIDTH * panels.size(), HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        for (int i = 0; i < panels.size(); i++) {
            drawPanel(g, panels.get(i), i * PANEL_WIDTH);
        }
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    private static void drawPanel(Graphics2D g, Panel panel, int originX) {
        int plotLeft = originX + LEFT;
        int plotRight = originX + PANEL_WIDTH - RIGHT;
        int plotTop = TOP;
        int plotBottom = HEIGHT - BOTTOM;
        double maxMicros = 0;
        for (Histogram histogram : panel.histograms().values()) {
            if (histogram.getTotalCount() > 0) {
                maxMicros = Math.max(maxMicros, histogram.getValueAtPercentile(percentileAt(MAX_NINES)) / 1000.0);
            }
        }
        maxMicros = niceCeiling(maxMicros * 1.05);

        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.setColor(Color.BLACK);
        g.drawString(panel.title(), plotLeft, plotTop - 15);

        // Grid and axes.
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        FontMetrics metrics = g.getFontMetrics();
        String[] percentileLabels = {"0%", "90%", "99%", "99.9%", "99.99%"};
        for (int nines = 0; nines <= MAX_NINES; nines++) {
            int x = xOf(nines, plotLeft, plotRight);
            g.setColor(new Color(0xdddddd));
            g.drawLine(x, plotTop, x, plotBottom);
            g.setColor(Color.BLACK);
            String label = percentileLabels[nines];
            g.drawString(label, x - metrics.stringWidth(label) / 2, plotBottom + 18);
        }
        int yTicks = 5;
        for (int tick = 0; tick <= yTicks; tick++) {
            double micros = maxMicros * tick / yTicks;
            int y = yOf(micros, maxMicros, plotTop, plotBottom);
            g.setColor(new Color(0xdddddd));
            g.drawLine(plotLeft, y, plotRight, y);
            g.setColor(Color.BLACK);
            String label = formatMicros(micros);
            g.drawString(label, plotLeft - 8 - metrics.stringWidth(label), y + 4);
        }
        g.setColor(Color.BLACK);
        g.drawRect(plotLeft, plotTop, plotRight - plotLeft, plotBottom - plotTop);
        String xTitle = "percentile";
        g.drawString(xTitle, (plotLeft + plotRight - metrics.stringWidth(xTitle)) / 2, plotBottom + 38);
        Graphics2D rotated = (Graphics2D) g.create();
        rotated.rotate(-Math.PI / 2);
        String yTitle = "latency (µs)";
        rotated.drawString(yTitle, -(plotTop + plotBottom + metrics.stringWidth(yTitle)) / 2, originX + 16);
        rotated.dispose();

        // One line per implementation, clipped to the plot.
        Graphics2D lines = (Graphics2D) g.create();
        lines.clipRect(plotLeft, plotTop, plotRight - plotLeft + 1, plotBottom - plotTop + 1);
        lines.setStroke(new BasicStroke(2f));
        for (Map.Entry<Implementation, Histogram> entry : panel.histograms().entrySet()) {
            Histogram histogram = entry.getValue();
            if (histogram.getTotalCount() == 0) {
                continue;
            }
            lines.setColor(colorOf(entry.getKey()));
            int steps = plotRight - plotLeft;
            int previousX = -1;
            int previousY = -1;
            for (int step = 0; step <= steps; step++) {
                double nines = MAX_NINES * step / steps;
                double micros = histogram.getValueAtPercentile(percentileAt(nines)) / 1000.0;
                int x = plotLeft + step;
                int y = yOf(micros, maxMicros, plotTop, plotBottom);
                if (previousX >= 0) {
                    lines.drawLine(previousX, previousY, x, y);
                }
                previousX = x;
                previousY = y;
            }
        }
        lines.dispose();

        // Legend.
        int legendY = plotTop + 18;
        for (Implementation implementation : panel.histograms().keySet()) {
            g.setColor(colorOf(implementation));
            g.fillRect(plotLeft + 12, legendY - 9, 18, 4);
            g.setColor(Color.BLACK);
            g.drawString(implementation.label(), plotLeft + 36, legendY - 3);
            legendY += 18;
        }
    }

    /** The percentile (0..100) that lies {@code nines} decades along the axis. */
    private static double percentileAt(double nines) {
        return 100.0 * (1.0 - Math.pow(10, -nines));
    }

    private static int xOf(double nines, int left, int right) {
        return left + (int) Math.round((right - left) * nines / MAX_NINES);
    }

    private static int yOf(double micros, double maxMicros, int top, int bottom) {
        return bottom - (int) Math.round((bottom - top) * micros / maxMicros);
    }

    private static double niceCeiling(double value) {
        if (value <= 0) {
            return 1;
        }
        double decade = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * decade >= value) {
                return step * decade;
            }
        }
        return 10 * decade;
    }

    private static String formatMicros(double micros) {
        return micros == Math.rint(micros) ? String.valueOf((long) micros) : String.format("%.1f", micros);
    }
}
