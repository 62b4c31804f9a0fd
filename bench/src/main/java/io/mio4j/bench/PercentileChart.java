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
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.HdrHistogram.Histogram;

/**
 * An HdrHistogram-style percentile plot drawn with plain Java2D: latency against
 * percentile, the percentile axis scaled by log10(1 / (1 - p)) so that 90%, 99%, 99.9%...
 * are evenly spaced; one line per implementation, one panel per workload. The latency
 * axis is logarithmic too, so that a tail a hundred times the median does not flatten
 * the body of the distribution into the x axis.
 */
final class PercentileChart {
    /** Latency in µs at a percentile (0..100). */
    interface Curve {
        double micros(double percentile);
    }

    /** One panel: a title and a latency curve per implementation. */
    record Panel(String title, Map<Implementation, Curve> curves) {
        /** From HdrHistograms of nanoseconds; empty ones are left out. */
        static Panel of(String title, Map<Implementation, Histogram> histograms) {
            Map<Implementation, Curve> curves = new EnumMap<>(Implementation.class);
            for (Map.Entry<Implementation, Histogram> entry : histograms.entrySet()) {
                Histogram histogram = entry.getValue();
                if (histogram.getTotalCount() > 0) {
                    curves.put(entry.getKey(), p -> histogram.getValueAtPercentile(p) / 1000.0);
                }
            }
            return new Panel(title, curves);
        }

        /**
         * From points in µs at the percentiles 100 * (1 - 10^-(i * step)), i = 0, 1, ...
         * (wrk's, through bench/wrk/report.lua); linear between points on the nines axis.
         */
        static Panel ofCurves(String title, Map<Implementation, double[]> points, double step) {
            Map<Implementation, Curve> curves = new EnumMap<>(Implementation.class);
            for (Map.Entry<Implementation, double[]> entry : points.entrySet()) {
                double[] values = entry.getValue();
                if (values.length == 0) {
                    continue;
                }
                curves.put(entry.getKey(), p -> {
                    double at = (p >= 100 ? MAX_NINES : -Math.log10(1 - p / 100)) / step;
                    int below = (int) Math.max(0, Math.min(values.length - 1, Math.floor(at)));
                    int above = Math.min(values.length - 1, below + 1);
                    double fraction = Math.max(0, Math.min(1, at - below));
                    return values[below] + (values[above] - values[below]) * fraction;
                });
            }
            return new Panel(title, curves);
        }
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
            case MIO4J_FFM -> new Color(0xff7f0e);
            case MIO4J_JNA -> new Color(0x9467bd);
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
        double lowest = Double.MAX_VALUE;
        double highest = 0;
        for (Curve curve : panel.curves().values()) {
            lowest = Math.min(lowest, Math.max(curve.micros(0), 0.001));
            highest = Math.max(highest, curve.micros(percentileAt(MAX_NINES)));
        }
        if (highest == 0) {
            lowest = 1;
            highest = 10;
        }
        Scale y = new Scale(Math.floor(Math.log10(lowest)), Math.ceil(Math.log10(highest * 1.05)), plotTop, plotBottom);

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
        for (double decade = y.lowDecade; decade <= y.highDecade; decade++) {
            for (int multiple : new int[] {1, 2, 5}) {
                double micros = multiple * Math.pow(10, decade);
                if (Math.log10(micros) > y.highDecade + 1e-9) {
                    break;
                }
                int at = y.of(micros);
                g.setColor(new Color(multiple == 1 ? 0xcccccc : 0xeeeeee));
                g.drawLine(plotLeft, at, plotRight, at);
                g.setColor(Color.BLACK);
                String label = formatMicros(micros);
                g.drawString(label, plotLeft - 8 - metrics.stringWidth(label), at + 4);
            }
        }
        g.setColor(Color.BLACK);
        g.drawRect(plotLeft, plotTop, plotRight - plotLeft, plotBottom - plotTop);
        String xTitle = "percentile";
        g.drawString(xTitle, (plotLeft + plotRight - metrics.stringWidth(xTitle)) / 2, plotBottom + 38);
        Graphics2D rotated = (Graphics2D) g.create();
        rotated.rotate(-Math.PI / 2);
        String yTitle = "latency (µs, log scale)";
        rotated.drawString(yTitle, -(plotTop + plotBottom + metrics.stringWidth(yTitle)) / 2, originX + 16);
        rotated.dispose();

        // One line per implementation, clipped to the plot.
        Graphics2D lines = (Graphics2D) g.create();
        lines.clipRect(plotLeft, plotTop, plotRight - plotLeft + 1, plotBottom - plotTop + 1);
        lines.setStroke(new BasicStroke(2f));
        for (Map.Entry<Implementation, Curve> entry : panel.curves().entrySet()) {
            Curve curve = entry.getValue();
            lines.setColor(colorOf(entry.getKey()));
            int steps = plotRight - plotLeft;
            int previousX = -1;
            int previousY = -1;
            for (int step = 0; step <= steps; step++) {
                double nines = MAX_NINES * step / steps;
                double micros = curve.micros(percentileAt(nines));
                int x = plotLeft + step;
                int yAt = y.of(micros);
                if (previousX >= 0) {
                    lines.drawLine(previousX, previousY, x, yAt);
                }
                previousX = x;
                previousY = yAt;
            }
        }
        lines.dispose();

        // Legend.
        int legendY = plotTop + 18;
        for (Implementation implementation : panel.curves().keySet()) {
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

    /** The logarithmic latency axis: whole decades of microseconds from bottom to top. */
    private record Scale(double lowDecade, double highDecade, int top, int bottom) {
        int of(double micros) {
            double decade = Math.log10(Math.max(micros, Math.pow(10, lowDecade)));
            return bottom - (int) Math.round((bottom - top) * (decade - lowDecade) / (highDecade - lowDecade));
        }
    }

    private static String formatMicros(double micros) {
        return micros >= 1 ? String.valueOf(Math.round(micros)) : String.format(java.util.Locale.ROOT, "%.2g", micros);
    }
}
