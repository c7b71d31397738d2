using System.Text;
using FairRubrics.Evidence;
using FairRubrics.Model;

namespace FairRubrics.Scoring;

/// <summary>The run files of <see cref="ExternalSubjectSort"/>: sorted items in a compact binary form.</summary>
internal sealed partial class ExternalSubjectSort
{
    /// <summary>
    /// One run: a temporary file of items, written once and read back once through the same handle. Where the system
    /// allows, its name is removed as soon as it is created, so that the data goes with the handle.
    /// </summary>
    private sealed class RunFile : IDisposable
    {
        private const int BufferSize = 1 << 14;

        private const byte HasCompetency = 1;
        private const byte HasPath = 2;
        private const byte HasValue = 4;
        private const byte HasRater = 8;
        private const byte HasDate = 16;
        private const byte HasId = 32;

        private readonly FileStream _stream;
        private readonly string _path;

        private RunFile(FileStream stream, string path)
        {
            _stream = stream;
            _path = path;
        }

        public static RunFile Write(string folder, IEnumerable<EvidenceItem> items)
        {
            var path = Path.Combine(folder, Guid.NewGuid().ToString("N") + ".run");
            var stream = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Delete, BufferSize, FileOptions.DeleteOnClose);
            var run = new RunFile(stream, path);
            try
            {
                if (!OperatingSystem.IsWindows())
                {
                    File.Delete(path);
                }

                using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
                foreach (var item in items)
                {
                    WriteItem(writer, item);
                }

                writer.Flush();
                return run;
            }
            catch
            {
                run.Dispose();
                throw;
            }
        }

        public IEnumerable<EvidenceItem> Read(EvidenceStringPool pool)
        {
            _stream.Position = 0;
            var length = _stream.Length;
            using var reader = new BinaryReader(_stream, Encoding.UTF8, leaveOpen: true);
            while (_stream.Position < length)
            {
                yield return ReadItem(reader, pool);
            }
        }

        public void Dispose()
        {
            _stream.Dispose();
            try
            {
                File.Delete(_path);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        private static void WriteItem(BinaryWriter writer, in EvidenceItem item)
        {
            var flags = (byte)((item.Competency is null ? 0 : HasCompetency)
                | (item.Path is null ? 0 : HasPath)
                | (item.Value is null ? 0 : HasValue)
                | (item.Rater is null ? 0 : HasRater)
                | (item.Date is null ? 0 : HasDate)
                | (item.Id is null ? 0 : HasId));
            writer.Write(item.Subject);
            writer.Write(item.Type);
            writer.Write(flags);
            writer.Write((byte)item.Source);
            writer.Write7BitEncodedInt64(item.Row);
            if (item.Competency is { } competency)
            {
                writer.Write(competency);
            }

            if (item.Path is { } path)
            {
                writer.Write(path);
            }

            if (item.Value is { } value)
            {
                writer.Write(value);
            }

            if (item.Rater is { } rater)
            {
                writer.Write(rater);
            }

            if (item.Date is { } date)
            {
                writer.Write(date.DayNumber);
            }

            if (item.Id is { } id)
            {
                writer.Write(id);
            }
        }

        private static EvidenceItem ReadItem(BinaryReader reader, EvidenceStringPool pool)
        {
            var subject = pool.Subject(reader.ReadString());
            var type = pool.Intern(reader.ReadString())!;
            var flags = reader.ReadByte();
            var source = (RaterSource)reader.ReadByte();
            var row = reader.Read7BitEncodedInt64();
            var competency = (flags & HasCompetency) != 0 ? pool.Intern(reader.ReadString()) : null;
            var path = (flags & HasPath) != 0 ? pool.Intern(reader.ReadString()) : null;
            double? value = (flags & HasValue) != 0 ? reader.ReadDouble() : null;
            var rater = (flags & HasRater) != 0 ? pool.Intern(reader.ReadString()) : null;
            DateOnly? date = (flags & HasDate) != 0 ? DateOnly.FromDayNumber(reader.ReadInt32()) : null;
            var id = (flags & HasId) != 0 ? reader.ReadString() : null;
            return new EvidenceItem(subject, type, competency, path, value, source, rater, date, id, row);
        }
    }
}
