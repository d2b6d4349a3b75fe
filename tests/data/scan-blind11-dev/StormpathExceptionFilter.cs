// Copyright (c) 2016 Acme Shop Inc.
using System;
using System.Net;
using System.Net.Http;
using System.Web.Http.Filters;
using NLog;
using Stormpath.SDK.Error;

namespace Acme.PartnerApi.Filters
{
    /// <summary>
    /// Maps Stormpath errors raised inside API controllers to our own JSON error responses.
    /// Registered globally in WebApiConfig.Register.
    /// </summary>
    public sealed class StormpathExceptionFilter : ExceptionFilterAttribute
    {
        private static readonly Logger Log = LogManager.GetCurrentClassLogger();

        // Our own API error codes (documented in docs/partner-api.md), not Stormpath's.
        private const string ErrLoginUnavailable = "PARTNER_LOGIN_UNAVAILABLE";
        private const string ErrTokenInvalid = "PARTNER_TOKEN_INVALID";

        public override void OnException(HttpActionExecutedContext context)
        {
            var ex = context.Exception as ResourceException;
            if (ex == null)
            {
                return;
            }

            Log.Warn("Stormpath {0} (HTTP {1}), request {2}: {3}", ex.Code, ex.HttpStatus, ex.RequestId, ex.DeveloperMessage);

            switch (ex.Code)
            {
                case 5105:
                    // The application has no account stores: a configuration problem on our side.
                    context.Response = Error(HttpStatusCode.ServiceUnavailable, ErrLoginUnavailable);
                    break;
                case 10016:
                case 10019:
                    context.Response = Error(HttpStatusCode.Unauthorized, ErrTokenInvalid);
                    context.Response.Headers.Add("WWW-Authenticate", "Bearer error=\"invalid_token\"");
                    break;
                default:
                    context.Response = Error(HttpStatusCode.BadGateway, "PARTNER_UPSTREAM_ERROR");
                    break;
            }
        }

        private static HttpResponseMessage Error(HttpStatusCode status, string code)
        {
            var response = new HttpResponseMessage(status);
            response.Content = new StringContent("{\"error\":\"" + code + "\"}");
            response.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            return response;
        }
    }
}
