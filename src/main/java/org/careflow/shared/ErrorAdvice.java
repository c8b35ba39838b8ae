package org.careflow.shared;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;

/**
 * Errors a user can meet, shown in their language instead of a stack trace: a thing that does not
 * exist (or is not theirs), bad input outside a form, or a change someone else made first. Pages get
 * the problem page; {@code /api/**} gets the same messages as RFC 9457 problem details
 * ({@link Problems}: {@code application/problem+json}, field errors in the extension {@code fields}).
 */
@ControllerAdvice(annotations = Controller.class)
class ErrorAdvice {

  private final MessageSource messages;
  private final ObjectMapper json;

  ErrorAdvice(MessageSource messages, ObjectMapper json) {
    this.messages = messages;
    this.json = json;
  }

  private static boolean api(HttpServletRequest request) {
    return Problems.api(request);
  }

  private String text(String code, Object[] args) {
    return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
  }

  /** Writes the JSON answer of an API call; returns null, which tells Spring the response is done. */
  private String writeJson(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code, Object[] args,
      FieldErrors errors) {
    Map<String, String> fields = new LinkedHashMap<>();
    if (errors != null) {
      errors.all().forEach((k, e) -> fields.put(k, text(e.code(), e.args())));
    }
    Problems.write(response, Problems.of(request, status, text(code, args), fields), json);
    return null;
  }

  private String problem(HttpServletRequest request, HttpServletResponse response, Model model, HttpStatus status,
      String code, Object[] args, FieldErrors errors) {
    if (api(request)) {
      return writeJson(request, response, status, code, args, errors);
    }
    response.setStatus(status.value());
    model.addAttribute("messageCode", code);
    model.addAttribute("messageArgs", args);
    if (errors != null) {
      model.addAttribute("errors", errors.all());
    }
    return "error/problem";
  }

  @ExceptionHandler(NotFoundException.class)
  String notFound(HttpServletRequest request, HttpServletResponse response, Model model) {
    return problem(request, response, model, HttpStatus.NOT_FOUND, "error.notFound", null, null);
  }

  @ExceptionHandler(InvalidInputException.class)
  String invalid(InvalidInputException e, HttpServletRequest request, HttpServletResponse response, Model model) {
    return problem(request, response, model, HttpStatus.UNPROCESSABLE_ENTITY, "error.invalid", null, e.errors());
  }

  @ExceptionHandler(ConflictException.class)
  String alreadyDone(ConflictException e, HttpServletRequest request, HttpServletResponse response, Model model) {
    return problem(request, response, model, HttpStatus.CONFLICT, e.code(), e.args(), null);
  }

  @ExceptionHandler({OptimisticLockingException.class, OptimisticLockingFailureException.class, NullValueException.class})
  String conflict(HttpServletRequest request, HttpServletResponse response, Model model) {
    return problem(request, response, model, HttpStatus.CONFLICT, "error.conflict", null, null);
  }

  /** A parameter of the wrong type (a letter for an id), missing, or a body that cannot be read. */
  @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class,
      HttpMessageNotReadableException.class, MultipartException.class})
  String badRequest(Exception e, HttpServletRequest request, HttpServletResponse response, Model model) {
    FieldErrors field = null;
    if (api(request) && e instanceof MethodArgumentTypeMismatchException m) {
      field = new FieldErrors();
      field.reject(m.getName(), "error.param.invalid", m.getName());
    } else if (api(request) && e instanceof MissingServletRequestParameterException m) {
      field = new FieldErrors();
      field.reject(m.getParameterName(), "error.param.invalid", m.getParameterName());
    }
    return problem(request, response, model, HttpStatus.BAD_REQUEST, "error.badRequest", null, field);
  }

  /** Refused by a method's own check (the URL rules answer in SecurityConfig, with the same shape under /api). */
  @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
  String forbidden(HttpServletRequest request, HttpServletResponse response, Model model) {
    return problem(request, response, model, HttpStatus.FORBIDDEN, "error.forbidden", null, null);
  }
}
