package org.careflow.counselling;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.careflow.child.Child;
import org.careflow.shared.CaseScopes;
import org.careflow.shared.TaskSubjects;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A referral is about its child (class and school): scope for the engine's doors, subject for the inbox. */
@Component
class CounsellingScopes implements CaseScopes, TaskSubjects {

  private final CounsellingReferralRepository referrals;
  private final Counselling counselling;

  CounsellingScopes(CounsellingReferralRepository referrals, Counselling counselling) {
    this.referrals = referrals;
    this.counselling = counselling;
  }

  @Override
  public String processKey() {
    return Counselling.PROCESS_KEY;
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<Scope> scopeOf(String businessKey) {
    Long id = CounsellingReferral.idOf(businessKey);
    return id == null ? Optional.empty() : referrals.findById(id).map(r -> {
      Child c = counselling.child(r.getChildId());
      return new Scope(c.getSchoolClass().getId(), c.getSchoolClass().getSchool().getId(), null, c.getId());
    });
  }

  @Override
  @Transactional(readOnly = true)
  public Map<String, Subject> resolve(Collection<String> businessKeys) {
    Map<String, Subject> out = new HashMap<>();
    for (String key : businessKeys) {
      Long id = CounsellingReferral.idOf(key);
      if (id == null) {
        continue;
      }
      referrals.findById(id).ifPresent(r -> {
        Child c = counselling.child(r.getChildId());
        out.put(key, new Subject(c.getName(), c.getSchoolClass().getName(), c.getSchoolClass().getId(), c.getId()));
      });
    }
    return out;
  }
}
