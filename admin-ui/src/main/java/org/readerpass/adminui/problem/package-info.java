/**
 * What can be wrong with an admin's request or change, as plain exceptions (stores throw them
 * too, so no web here): {@link InvalidRequestException} with every {@link FieldProblem} (collected
 * by {@link FieldProblems}), {@link NotFoundException}, {@link ConflictException}. The admin API
 * answers them as 400, 404 and 409 problems ({@code web.AdminApiExceptionHandler}).
 */
package org.readerpass.adminui.problem;
