package org.ums.account.web;

/** The professional status to set; missing is 422. */
record ProfessionalStatusRequest(Boolean isProfessional) {
}
