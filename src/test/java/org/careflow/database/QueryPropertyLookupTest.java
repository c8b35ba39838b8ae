package org.careflow.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.ibatis.ognl.Ognl;
import org.apache.ibatis.ognl.OgnlContext;
import org.apache.ibatis.ognl.OgnlRuntime;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.JobQueryImpl;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.careflow.CareflowTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine's query criteria named like their methods ({@code isOrQueryActive}, {@code isWithoutTenantId})
 * are read through careflow's remembered look-up, and read the same values as before.
 */
class QueryPropertyLookupTest extends CareflowTest {

  @Autowired TaskService tasks;

  @Test
  void theEnginesQueriesAreReadThroughTheRememberedLookUp() throws Exception {
    // registered before the engine's first query: OGNL keeps the accessor it first chose for a class
    assertThat(OgnlRuntime.getPropertyAccessor(TaskQueryImpl.class)).isSameAs(QueryPropertyLookup.Accessor.INSTANCE);
    assertThat(OgnlRuntime.getPropertyAccessor(JobQueryImpl.class)).isSameAs(QueryPropertyLookup.Accessor.INSTANCE);
  }

  @Test
  void aCriterionNamedLikeItsMethodReadsTheMethodsValueEveryTime() throws Exception {
    TaskQueryImpl plain = (TaskQueryImpl) tasks.createTaskQuery();
    TaskQueryImpl withoutTenant = (TaskQueryImpl) tasks.createTaskQuery().withoutTenantId();
    for (int i = 0; i < 2; i++) { // the first read looks the method up, the second uses what was remembered
      assertThat(read("isWithoutTenantId", plain)).isEqualTo(false);
      assertThat(read("isWithoutTenantId", withoutTenant)).isEqualTo(true);
      assertThat(read("isOrQueryActive", plain)).isEqualTo(false);
    }
    // a bean property reads as it always did
    assertThat(read("assignee", (TaskQueryImpl) tasks.createTaskQuery().taskAssignee("teacher"))).isEqualTo("teacher");
  }

  /** MyBatis's own member access lets public members be read (and more, which these reads do not need). */
  private static final org.apache.ibatis.ognl.MemberAccess PUBLIC_MEMBERS = new org.apache.ibatis.ognl.AbstractMemberAccess() {
    @Override
    public boolean isAccessible(OgnlContext context, Object target, java.lang.reflect.Member member, String propertyName) {
      return java.lang.reflect.Modifier.isPublic(member.getModifiers());
    }
  };

  /** Reads an expression on a query as MyBatis's mappings do. */
  private static Object read(String expression, Object query) throws Exception {
    OgnlContext context = Ognl.createDefaultContext(query, PUBLIC_MEMBERS,
        new org.apache.ibatis.scripting.xmltags.OgnlClassResolver(), null);
    return Ognl.getValue(Ognl.parseExpression(expression), context, query);
  }
}
