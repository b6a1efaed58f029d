package io.strimzi.crdgenerator.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The shape of Strimzi's own annotation that marks in which API versions a model property exists.
 *
 * <p>io.strimzi:api keeps it in its class files (runtime retention), but the annotation type ships in
 * io.strimzi:crd-generator, which is not published to Maven Central. Declaring the same type here
 * lets reflection read the version ranges, so the tests can reject properties that
 * kafka.strimzi.io/v1 no longer has (the model itself still accepts every version's fields).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.FIELD, ElementType.TYPE})
public @interface PresentInVersions {
    /** A version or range as Strimzi writes it: {@code v1beta2}, {@code v1alpha1-v1beta2}, {@code v1+}. */
    String value();
}
