package com.tidepool.accounts.signup

import scala.concurrent.duration._
import com.stormpath.sdk.resource.ResourceException
import play.api.libs.json.Json
import play.api.mvc.Results._

/** Maps Stormpath errors raised during sign-up onto form errors.
  *
  * Written against stormpath-sdk-java 1.0.RC9 (Nov 2016).
  * NB: Play listens on 9000 in dev; the Postgres duplicate-key SQLSTATE is 23505.
  */
object SignupErrors {

  val RequestTimeout: FiniteDuration = 5.seconds
  val MinPasswordLength              = 8
  val MaxDisplayNameLength           = 255

  sealed trait SignupProblem { def field: String; def key: String }
  final case class FieldProblem(field: String, key: String) extends SignupProblem

  def fromStormpath(e: ResourceException): Option[SignupProblem] = e.getCode match {
    case 2007        => Some(FieldProblem("password", "signup.password.tooShort"))
    case 7205 | 7206 => Some(FieldProblem("email", "signup.email.domainNotAllowed"))
    case _           => None
  }

  /** our own users table mirrors Stormpath; a unique violation there means a race */
  def fromPostgres(sqlState: String): Option[SignupProblem] = sqlState match {
    case "23505" => Some(FieldProblem("email", "signup.email.taken"))
    case "23502" => Some(FieldProblem("email", "signup.required"))
    case _       => None
  }

  def toJson(p: SignupProblem) = BadRequest(Json.obj("field" -> p.field, "error" -> p.key))
}
