using Build;

return BuildHost.Create(new SecretRegistry()).Run(args);
