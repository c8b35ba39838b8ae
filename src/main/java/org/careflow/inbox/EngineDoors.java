package org.careflow.inbox;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractVariableCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.careflow.child.CareCases;
import org.careflow.identity.Audit;
import org.careflow.identity.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The engine's own doors (the REST API under {@code /engine-rest}, Tasklist's API under {@code /camunda/api})
 * cannot work a task past careflow: a task is completed only by {@link TaskWork#complete}, which checks the
 * form and writes the talk, feedback or review record in the same transaction. Anything else that ends a
 * task (complete, submit-form, resolve, BPMN error, escalation) is refused with a 403 that says where to
 * work the task, for administrators too; and no one but an administrator sets a task's or a case's
 * variables there. Each refusal is audited ({@link Audit#REFUSED}) and changes nothing.
 *
 * <p>Only calls made with an engine authentication are looked at: the engine's doors authenticate every
 * caller, careflow's own services and the engine's jobs run without one.
 */
@Component
class EngineDoors extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(EngineDoors.class);

  /** Set while {@link TaskWork} completes a task it has checked and recorded. */
  private static final ThreadLocal<Boolean> IN_CAREFLOW = new ThreadLocal<>();

  private final ObjectProvider<Audit> audit;
  private final ObjectProvider<CareCases> cases;
  private final ObjectProvider<MessageSource> messages;
  private final ObjectProvider<LocaleResolver> locales;
  private ProcessEngineConfigurationImpl configuration;

  EngineDoors(ObjectProvider<Audit> audit, ObjectProvider<CareCases> cases, ObjectProvider<MessageSource> messages,
      ObjectProvider<LocaleResolver> locales) {
    this.audit = audit;
    this.cases = cases;
    this.messages = messages;
    this.locales = locales;
  }

  /** Runs careflow's own completion of a task it has checked and whose record it writes. */
  static <T> T careflowCompletes(Supplier<T> completion) {
    Boolean before = IN_CAREFLOW.get();
    IN_CAREFLOW.set(Boolean.TRUE);
    try {
      return completion.get();
    } finally {
      if (before == null) {
        IN_CAREFLOW.remove();
      } else {
        IN_CAREFLOW.set(before);
      }
    }
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
    configuration.setCustomPreCommandInterceptorsTxRequired(with(configuration.getCustomPreCommandInterceptorsTxRequired()));
    configuration.setCustomPreCommandInterceptorsTxRequiresNew(with(configuration.getCustomPreCommandInterceptorsTxRequiresNew()));
  }

  private List<CommandInterceptor> with(List<CommandInterceptor> existing) {
    List<CommandInterceptor> list = existing == null ? new ArrayList<>() : new ArrayList<>(existing);
    list.add(0, new Guard());
    return list;
  }

  private class Guard extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      check(command);
      return next.execute(command);
    }
  }

  private void check(Command<?> command) {
    boolean endsTask = command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd || command instanceof ResolveTaskCmd
        || command instanceof HandleTaskBpmnErrorCmd || command instanceof HandleTaskEscalationCmd;
    boolean setsVariables = command instanceof AbstractVariableCmd && !command.getClass().getSimpleName().startsWith("Get")
        || command instanceof AbstractPatchVariablesCmd;
    if (!endsTask && !setsVariables) {
      return;
    }
    Authentication auth = configuration.getIdentityService().getCurrentAuthentication();
    if (auth == null || auth.getUserId() == null) {
      return; // careflow's own services, the job executor
    }
    boolean admin = auth.getGroupIds() != null && auth.getGroupIds().contains(Roles.ADMIN);
    if (endsTask && Boolean.TRUE.equals(IN_CAREFLOW.get()) || setsVariables && admin) {
      return;
    }
    String taskId = endsTask ? field(command, "taskId") : null;
    String entityId = setsVariables ? field(command, "entityId") : null;
    boolean taskVariables = setsVariables && command.getClass().getSimpleName().contains("Task");
    String ofTask = endsTask ? taskId : taskVariables ? entityId : null;
    refusalAudited(auth.getUserId(), command.getClass().getSimpleName(), ofTask, ofTask == null ? entityId : null);
    throw new AuthorizationException(endsTask
        ? message("task.workInCareflow", taskId == null ? "" : taskId)
        : message("task.variablesInCareflow"));
  }

  /** Records the refusal on its own (the refused command changes nothing). Names no child: ids only. */
  private void refusalAudited(String user, String what, String taskId, String executionId) {
    try {
      String[] about = configuration.getCommandExecutorTxRequired().execute(ctx -> {
        ExecutionEntity pi = null;
        String taskKey = null;
        if (taskId != null) {
          TaskEntity t = ctx.getTaskManager().findTaskById(taskId);
          if (t != null) {
            taskKey = t.getTaskDefinitionKey();
            pi = t.getProcessInstance();
          }
        } else if (executionId != null) {
          ExecutionEntity e = ctx.getExecutionManager().findExecutionById(executionId);
          pi = e == null ? null : e.getProcessInstance();
        }
        return pi == null || pi.getProcessDefinition() == null ? new String[] {null, null, taskKey}
            : new String[] {pi.getProcessDefinition().getKey(), pi.getBusinessKey(), taskKey};
      });
      Long caseId = null;
      Long childId = null;
      if (about[0] != null && InboxCounts.CASE_PROCESS_KEYS.contains(about[0]) && org.careflow.shared.BusinessKey.isId(about[1])) {
        caseId = Long.valueOf(about[1]);
        childId = cases.getObject().careCase(caseId).getChild().getId();
      }
      String detail = "engine " + what + (about[2] == null ? "" : " " + about[2]) + (taskId == null ? "" : " task " + taskId);
      audit.getObject().refused(user, childId, caseId, detail);
    } catch (RuntimeException e) {
      log.warn("a refused engine call could not be audited: {}", e.toString());
    }
  }

  private String message(String key, Object... args) {
    Locale locale = Locale.SIMPLIFIED_CHINESE;
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes r) {
      LocaleResolver resolver = locales.getIfAvailable();
      if (resolver != null) {
        locale = resolver.resolveLocale(r.getRequest());
      }
    }
    MessageSource source = messages.getIfAvailable();
    return source == null ? key : source.getMessage(key, args, locale);
  }

  private static String field(Object command, String name) {
    for (Class<?> c = command.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
      try {
        Field f = c.getDeclaredField(name);
        f.setAccessible(true);
        Object v = f.get(command);
        return v == null ? null : v.toString();
      } catch (NoSuchFieldException e) {
        // look in the superclass
      } catch (ReflectiveOperationException | RuntimeException e) {
        return null;
      }
    }
    return null;
  }
}
