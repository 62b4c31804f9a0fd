package shadetest;

import java.lang.reflect.Method;

/**
 * Runs EchoCheck through two copies of mio4j in one JVM and one class loader: the
 * unshaded classes and the shaded JAR's relocated ones (this class stays outside the
 * shaded JAR). Arguments: the shaded EchoCheck's class name, then "plain-first" or
 * "shaded-first".
 */
public final class TwoCopies {
    private TwoCopies() {
    }

    public static void main(String[] args) throws Exception {
        Method shaded = Class.forName(args[0]).getMethod("run");
        if (args[1].equals("plain-first")) {
            System.out.println("plain:  " + EchoCheck.run());
            System.out.println("shaded: " + shaded.invoke(null));
        } else {
            System.out.println("shaded: " + shaded.invoke(null));
            System.out.println("plain:  " + EchoCheck.run());
        }
        // each copy still works once the other is loaded
        System.out.println("plain again:  " + EchoCheck.run());
        System.out.println("shaded again: " + shaded.invoke(null));
    }
}
