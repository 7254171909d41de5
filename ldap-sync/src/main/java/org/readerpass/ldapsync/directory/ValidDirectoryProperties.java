package org.readerpass.ldapsync.directory;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/** Checks a whole {@link DirectoryProperties}; each problem names its library and key. */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = DirectoryPropertiesValidator.class)
@interface ValidDirectoryProperties {

	String message() default "invalid directory configuration";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
