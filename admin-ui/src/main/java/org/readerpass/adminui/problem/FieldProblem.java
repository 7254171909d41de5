package org.readerpass.adminui.problem;

/**
 * One invalid field of a request, in a problem's {@code errors} list.
 *
 * @param field the field's JSON path ({@code subject.value}, {@code actions[1]}) or query
 * parameter name; {@code null} when the problem is with the request as a whole
 * @param message what is wrong, in English
 */
public record FieldProblem(String field, String message) {

}
