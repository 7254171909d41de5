/**
 * What the admin API's features share on the web: {@link AdminApi} marks their controllers, whose
 * errors {@code AdminApiExceptionHandler} answers as RFC 9457 problems ({@link AdminProblems});
 * {@link AdminApiConfiguration} declares that handler and the OpenAPI description. Nothing here
 * knows a feature.
 */
package org.readerpass.adminui.web;
