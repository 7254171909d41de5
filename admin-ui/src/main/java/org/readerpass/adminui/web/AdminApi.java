package org.readerpass.adminui.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller of the admin REST API ({@code /api/admin/**}): {@link AdminApiExceptionHandler}
 * answers its errors as RFC 9457 problems. Each feature's API controllers carry it; the admin
 * pages to come will not (their errors are pages).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface AdminApi {

}
