package org.careflow.design;

import java.beans.FeatureDescriptor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptEngineManager;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.VariableContextElResolver;
import org.camunda.bpm.engine.impl.el.VariableScopeElResolver;
import org.camunda.bpm.engine.impl.scripting.engine.ScriptEngineResolver;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.ArrayELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.BeanELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ListELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.MapELResolver;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The engine's half of "models cannot execute code", behind the rules checked before deploying
 * ({@link ModelSafety}): expressions are evaluated with a resolver that finds only the beans of
 * {@link ModelVocabulary}, calls methods only on those beans and on plain values (text, numbers,
 * dates, lists), never a static method, never {@code getClass}, and hands out no class, class loader,
 * reflection, thread or engine object. Script engines are switched off: a script that reaches the engine
 * fails instead of running.
 */
@Component
public class EngineSandboxPlugin extends AbstractProcessEnginePlugin {

  private final ApplicationContext context;

  public EngineSandboxPlugin(ApplicationContext context) {
    this.context = context;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setExpressionManager(new SandboxExpressionManager(context));
    configuration.setScriptEngineResolver(new NoScripts());
    configuration.setEnableScriptEngineLoadExternalResources(false);
    configuration.setConfigureScriptEngineHostAccess(false);
  }

  /** The starter's expression manager, with the sandbox resolver instead of its open one. */
  static class SandboxExpressionManager extends SpringExpressionManager {
    SandboxExpressionManager(ApplicationContext context) {
      super(context);
    }

    @Override
    protected ELResolver createElResolver() {
      CompositeELResolver all = new CompositeELResolver();
      all.add(new VariableScopeElResolver());
      all.add(new VariableContextElResolver());
      all.add(new AllowedBeans(applicationContext));
      all.add(new ArrayELResolver(true));
      all.add(new ListELResolver(true));
      all.add(new MapELResolver(true));
      all.add(new BeanELResolver(true));
      return new SandboxResolver(all, applicationContext);
    }
  }

  /** Names that are not variables resolve to a bean only when the vocabulary lists it. */
  static class AllowedBeans extends ELResolver {
    private final ApplicationContext context;

    AllowedBeans(ApplicationContext context) {
      this.context = context;
    }

    @Override
    public Object getValue(ELContext elContext, Object base, Object property) {
      if (base == null && property instanceof String name && ModelVocabulary.BEANS.contains(name) && context.containsBean(name)) {
        elContext.setPropertyResolved(true);
        return context.getBean(name);
      }
      return null;
    }

    @Override
    public Class<?> getType(ELContext elContext, Object base, Object property) {
      return null;
    }

    @Override
    public void setValue(ELContext elContext, Object base, Object property, Object value) {
      // beans are not variables
    }

    @Override
    public boolean isReadOnly(ELContext elContext, Object base, Object property) {
      return true;
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext elContext, Object base) {
      return null;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext elContext, Object base) {
      return Object.class;
    }
  }

  /** The guard around every lookup and call an expression makes. */
  public static class SandboxResolver extends ELResolver {
    private static final Set<String> FORBIDDEN_PROPERTIES = Set.of("class", "classLoader", "declaringClass", "module",
        "protectionDomain", "processEngine", "processEngineServices", "processEngineConfiguration", "applicationContext",
        "beanFactory", "runtime", "contextClassLoader");

    /**
     * The names of each class's public static methods, found once per class: looking through getMethods() at
     * every call copied the class's whole method list each time a model called a bean (several times a job).
     */
    private static final ClassValue<Set<String>> STATIC_METHODS = new ClassValue<>() {
      @Override
      protected Set<String> computeValue(Class<?> type) {
        Set<String> names = new java.util.HashSet<>();
        for (Method m : type.getMethods()) {
          if (Modifier.isStatic(m.getModifiers())) {
            names.add(m.getName());
          }
        }
        return Set.copyOf(names);
      }
    };

    private final ELResolver delegate;
    private final ApplicationContext context;
    private final Set<Object> allowedBeans = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

    SandboxResolver(ELResolver delegate, ApplicationContext context) {
      this.delegate = delegate;
      this.context = context;
    }

    static ProcessEngineException refused(String what) {
      return new ProcessEngineException("Expression refused by careflow's sandbox: " + what);
    }

    static boolean forbidden(Object o) {
      if (o == null) {
        return false;
      }
      if (o instanceof Class || o instanceof ClassLoader || o instanceof Module || o instanceof Runtime || o instanceof Thread
          || o instanceof ProcessBuilder || o instanceof java.lang.Process || o instanceof ThreadGroup
          || o instanceof ApplicationContext || o instanceof org.springframework.beans.factory.BeanFactory
          || o instanceof org.camunda.bpm.engine.ProcessEngine || o instanceof org.camunda.bpm.engine.ProcessEngineServices
          || o instanceof ProcessEngineConfigurationImpl) {
        return true;
      }
      String name = o.getClass().getName();
      return name.startsWith("java.lang.reflect.") || name.startsWith("java.lang.invoke.") || name.startsWith("javax.script.")
          || name.startsWith("sun.") || name.startsWith("jdk.internal.") || name.startsWith("java.io.") || name.startsWith("java.nio.");
    }

    private void guard(Object base, Object property) {
      if (base != null && (forbidden(base) || property instanceof String p && FORBIDDEN_PROPERTIES.contains(p))) {
        throw refused("property '" + property + "' of " + base.getClass().getSimpleName());
      }
    }

    private static Object checked(Object value) {
      if (forbidden(value)) {
        throw refused("a " + value.getClass().getSimpleName() + " is not a value a model may hold");
      }
      return value;
    }

    boolean allowedBean(Object base) {
      if (allowedBeans.contains(base)) {
        return true;
      }
      for (String name : ModelVocabulary.BEANS) {
        if (context.containsBean(name) && context.getBean(name) == base) {
          allowedBeans.add(base);
          return true;
        }
      }
      return false;
    }

    static boolean plainValue(Object base) {
      return base instanceof CharSequence || base instanceof Number || base instanceof Boolean || base instanceof Character
          || base instanceof java.util.Date || base instanceof java.time.temporal.TemporalAccessor || base instanceof Collection
          || base instanceof Map || base.getClass().getName().startsWith("org.joda.time.");
    }

    @Override
    public Object getValue(ELContext elContext, Object base, Object property) {
      guard(base, property);
      return checked(delegate.getValue(elContext, base, property));
    }

    @Override
    public Object invoke(ELContext elContext, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
      String name = String.valueOf(method);
      if (base == null || forbidden(base) || ExpressionRules.OBJECT_METHODS.contains(name)) {
        throw refused("method '" + name + "'");
      }
      boolean bean = allowedBean(base);
      if (!bean && !plainValue(base)) {
        throw refused("method '" + name + "' of " + base.getClass().getSimpleName());
      }
      if (STATIC_METHODS.get(base.getClass()).contains(name)) {
        throw refused("static method '" + name + "'");
      }
      return checked(delegate.invoke(elContext, base, method, paramTypes, params));
    }

    @Override
    public Class<?> getType(ELContext elContext, Object base, Object property) {
      guard(base, property);
      return delegate.getType(elContext, base, property);
    }

    @Override
    public void setValue(ELContext elContext, Object base, Object property, Object value) {
      if (base != null) {
        throw refused("setting property '" + property + "'");
      }
      delegate.setValue(elContext, base, property, value);
    }

    @Override
    public boolean isReadOnly(ELContext elContext, Object base, Object property) {
      return base != null || delegate.isReadOnly(elContext, base, property);
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext elContext, Object base) {
      return delegate.getFeatureDescriptors(elContext, base);
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext elContext, Object base) {
      return delegate.getCommonPropertyType(elContext, base);
    }
  }

  /** No script engine for any language. */
  static class NoScripts implements ScriptEngineResolver {
    @Override
    public void addScriptEngineFactory(ScriptEngineFactory factory) {
      // none taken
    }

    @Override
    public ScriptEngineManager getScriptEngineManager() {
      return new ScriptEngineManager(new ClassLoader(null) {});
    }

    @Override
    public ScriptEngine getScriptEngine(String language, boolean resolveFromCache) {
      throw new ProcessEngineException("Scripts are switched off in careflow: no engine for '" + language + "'");
    }
  }
}
