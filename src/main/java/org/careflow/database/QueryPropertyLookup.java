package org.careflow.database;

import java.lang.reflect.Method;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.ibatis.ognl.ObjectPropertyAccessor;
import org.apache.ibatis.ognl.OgnlContext;
import org.apache.ibatis.ognl.OgnlException;
import org.apache.ibatis.ognl.OgnlRuntime;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * The engine's queries read their criteria in MyBatis's mappings through OGNL. A criterion named like its
 * method ({@code isOrQueryActive}, {@code isWithoutTenantId} of the task query) has no getter by the bean
 * rules, so OGNL looked for it at every evaluation by copying all of the query class's ~500 public methods
 * and comparing their names case-insensitively: 8 % of the inbox benchmark's time and 5 % of the demo
 * school's seeding (docs/PERFORMANCE.md). Here the method OGNL finds for such a name is looked up once per
 * class and name; what is read, and how, is unchanged: the same method, or OGNL's own lookup (fields,
 * absent names) where there is none.
 */
@Component
class QueryPropertyLookup extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // OGNL remembers which accessor serves a class at its first use, hence before the engine's first query
    OgnlRuntime.setPropertyAccessor(AbstractQuery.class, Accessor.INSTANCE);
  }

  static final class Accessor extends ObjectPropertyAccessor {

    static final Accessor INSTANCE = new Accessor();

    /** Per query class: the read method OGNL's own search finds for a name that has no bean getter. */
    private static final ClassValue<ConcurrentHashMap<String, Optional<Method>>> READ_METHODS = new ClassValue<>() {
      @Override
      protected ConcurrentHashMap<String, Optional<Method>> computeValue(Class<?> type) {
        return new ConcurrentHashMap<>();
      }
    };

    @Override
    public Object getPossibleProperty(OgnlContext context, Object target, String name) throws OgnlException {
      Class<?> type = target.getClass();
      if (OgnlRuntime.getGetMethod(type, name) == null) { // OGNL caches getters itself
        Method read = READ_METHODS.get(type).computeIfAbsent(name, n -> Optional.ofNullable(OgnlRuntime.getReadMethod(type, n, null))).orElse(null);
        if (read != null && context.getMemberAccess().isAccessible(context, target, read, name)) {
          try {
            return OgnlRuntime.invokeMethod(target, read, new Object[0]);
          } catch (ReflectiveOperationException e) {
            throw new OgnlException(name, e);
          }
        }
      }
      return super.getPossibleProperty(context, target, name);
    }
  }
}
