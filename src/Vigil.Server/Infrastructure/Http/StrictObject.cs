using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Vigil.Domain.Validation;

namespace Vigil.Server.Infrastructure.Http;

/// <summary>
/// The shape most small bodies share: one JSON object, read strictly through <see cref="JsonBody"/>, its members read
/// by a <see cref="JsonFieldReader"/>, and every bad field named in one problem. The members copy what they read out
/// (the document is gone once this returns); <c>check</c> adds rules across fields before the answer is decided.
/// </summary>
public static class StrictObject
{
    /// <summary>Null when the body was read and every field is good; otherwise the problem to answer with.</summary>
    public static async Task<ProblemHttpResult?> ReadAsync(
        HttpRequest request, TimeProvider clock, Func<JsonFieldReader, IReadOnlyDictionary<string, Action<JsonElement, string>>> members,
        string[] required, CancellationToken cancellationToken, Func<JsonFieldReader, Task>? check = null)
    {
        var (document, problem) = await JsonBody.ReadAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        using (document)
        {
            return await ReadAsync(document!.RootElement, clock, members, required, check);
        }
    }

    /// <summary>The same for a body already parsed (a page's form made into the API's body).</summary>
    public static async Task<ProblemHttpResult?> ReadAsync(
        JsonElement body, TimeProvider clock, Func<JsonFieldReader, IReadOnlyDictionary<string, Action<JsonElement, string>>> members,
        string[] required, Func<JsonFieldReader, Task>? check = null)
    {
        var reader = new JsonFieldReader(clock.GetUtcNow());
        reader.Object(body, JsonPointer.Root, members(reader), required);
        if (check is not null)
        {
            await check(reader);
        }
        return reader.Errors.Count > 0 ? Problems.InvalidFields(reader.Errors) : null;
    }
}
