/**
 * Holiday care (假期关爱, issue 17): the process {@code holiday-care}, one instance per holiday of the school
 * calendar and class with children in care (business key {@code holiday-<care id>}, row in
 * {@code cf_holiday_care}). Before the holiday the class teacher hands out and collects the 假期安全告家长书 /
 * 安全责任书 per child ({@code cf_holiday_letter}); in the middle of a long holiday (寒假, 暑假) each mentor calls
 * or visits each mentee ({@code cf_holiday_contact}); in the winter holiday that holds the Spring Festival the
 * class teacher meets the parents who came home (返乡家长座谈), each attending family logged as family contact
 * through {@code family.FamilyCalls}. Instances start when a holiday is entered or changed
 * ({@code school.HolidayChanges}) and at start-up for holidays without one.
 */
package org.careflow.holiday;
