package org.careflow.shared;

import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Errors a user can meet, shown as a page in their language instead of a stack trace: a thing that
 * does not exist (or is not theirs), bad input outside a form, or a change someone else made first.
 */
@ControllerAdvice(annotations = Controller.class)
class ErrorAdvice {

  @ExceptionHandler(NotFoundException.class)
  String notFound(HttpServletResponse response, Model model) {
    response.setStatus(HttpStatus.NOT_FOUND.value());
    model.addAttribute("messageCode", "error.notFound");
    return "error/problem";
  }

  @ExceptionHandler(InvalidInputException.class)
  String invalid(InvalidInputException e, HttpServletResponse response, Model model) {
    response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
    model.addAttribute("messageCode", "error.invalid");
    model.addAttribute("errors", e.errors().all());
    return "error/problem";
  }

  @ExceptionHandler(ConflictException.class)
  String alreadyDone(ConflictException e, HttpServletResponse response, Model model) {
    response.setStatus(HttpStatus.CONFLICT.value());
    model.addAttribute("messageCode", e.code());
    model.addAttribute("messageArgs", e.args());
    return "error/problem";
  }

  @ExceptionHandler({OptimisticLockingException.class, OptimisticLockingFailureException.class, NullValueException.class})
  String conflict(HttpServletResponse response, Model model) {
    response.setStatus(HttpStatus.CONFLICT.value());
    model.addAttribute("messageCode", "error.conflict");
    return "error/problem";
  }
}
