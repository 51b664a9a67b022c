// Swagger UI over the service's own OpenAPI document, from the package's copy (no CDN).
window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true });
