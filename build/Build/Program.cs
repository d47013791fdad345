using Build;
using Build.Core.Secrets;

return BuildHost.Create(new SecretRegistry()).Run(args);
