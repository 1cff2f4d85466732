package org.kljn.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.kljn.ngspice.NgSpice;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/**
 * One real ngspice session per test class: opened before the class's first test, closed after its last. A test
 * class declares {@code @ExtendWith(NgSpiceExtension.class)} and either a {@code @Session static NgSpice spice;}
 * field (filled before any test) or an {@code NgSpice} test-method parameter.
 */
public final class NgSpiceExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(NgSpiceExtension.class);

    /** Marks the static field that receives the class's session. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Session {
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        NgSpice spice = NgSpice.open();
        context.getStore(NAMESPACE).put(NgSpice.class, spice);
        for (Class<?> c = context.getRequiredTestClass(); c != null; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.isAnnotationPresent(Session.class)) {
                    if (!Modifier.isStatic(f.getModifiers()) || f.getType() != NgSpice.class) {
                        throw new IllegalStateException("@Session must mark a static NgSpice field: " + f);
                    }
                    f.setAccessible(true);
                    f.set(null, spice);
                }
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        NgSpice spice = context.getStore(NAMESPACE).remove(NgSpice.class, NgSpice.class);
        if (spice != null) {
            spice.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == NgSpice.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext c = context;
        while (c != null && c.getTestMethod().isPresent()) {
            c = c.getParent().orElse(null);
        }
        NgSpice spice = c == null ? null : c.getStore(NAMESPACE).get(NgSpice.class, NgSpice.class);
        if (spice == null) {
            throw new IllegalStateException("no ngspice session: the class must be extended with NgSpiceExtension");
        }
        return spice;
    }
}
